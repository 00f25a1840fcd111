from _lang_mod_a import VALUE, greet as hi, Thing
from _lang_mod_a import bump

print(VALUE)
print(hi("there"))
print(Thing(3).double())
print(bump(), bump())
import _lang_mod_a
print(_lang_mod_a.COUNTER)
# rebinding imported name does not affect module
VALUE = 7
print(VALUE, _lang_mod_a.VALUE)
# but module attr change not seen by the from-imported name
_lang_mod_a.VALUE = 1000
from _lang_mod_a import VALUE as V2
print(VALUE, V2)
try:
    from _lang_mod_a import does_not_exist
except ImportError as e:
    print(type(e).__name__, e.name)
print("greet" in dir(_lang_mod_a))
