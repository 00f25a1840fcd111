# sys.modules and module objects
import sys
import math
import time as t
import gc
print('math' in sys.modules, sys.modules['math'] is math, 'time' in sys.modules, sys.modules['time'] is t)
print(math.__name__, t.__name__, gc.__name__, sys.__name__, type(math).__name__)
print('__main__' in sys.modules, __name__, sys.modules['__main__'].__name__)
import math as m2
print(m2 is math, hasattr(math, 'sqrt'), 'sqrt' in dir(math), callable(math.sqrt))
try:
    import no_such_module_skiff
except ImportError as e:
    print(type(e).__name__, e)
