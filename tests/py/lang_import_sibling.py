import _lang_mod_a

print(_lang_mod_a.VALUE)
print(_lang_mod_a.NAMES)
print(_lang_mod_a.greet("world"))
print(_lang_mod_a.__name__)
t = _lang_mod_a.Thing(5)
print(t.double(), t.kind, type(t).__name__)
print(type(t).__module__)
print(_lang_mod_a.bump(), _lang_mod_a.bump())
print(_lang_mod_a.COUNTER)
_lang_mod_a.VALUE = 99
print(_lang_mod_a.VALUE)
_lang_mod_a.new_attr = "added"
print(_lang_mod_a.new_attr)
print(hasattr(_lang_mod_a, "_private"), hasattr(_lang_mod_a, "nope"))
print(type(_lang_mod_a).__name__)
try:
    _lang_mod_a.missing_thing
except AttributeError as e:
    print(type(e).__name__, e)
