# sys basics
import sys
print(type(sys.argv).__name__, len(sys.argv) >= 1, isinstance(sys.argv[0], str))
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, type(sys.maxsize).__name__)
print(sys.version_info[0], sys.version_info[1], sys.version_info[:2] == (3, 11), sys.version_info >= (3, 0))
print(type(sys.version).__name__, isinstance(sys.platform, str), sys.byteorder in ('little', 'big'))
print('sys' in sys.modules, 'builtins' in sys.modules, sys.modules['sys'] is sys, type(sys.modules).__name__)
print(type(sys.path).__name__, all(isinstance(p, str) for p in sys.path))
print(sys.__name__, hasattr(sys, 'stdout'), hasattr(sys, 'stderr'), hasattr(sys, 'stdin'))
print(sys.maxunicode, isinstance(sys.float_info.max, float), sys.float_info.max, sys.float_info.epsilon)
print(sys.float_info.dig, sys.float_info.mant_dig)
