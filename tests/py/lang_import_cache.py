import sys
print("start")
import _lang_mod_a
print("after first import")
import _lang_mod_a
print("after second import")
import _lang_mod_b
print("after importing b")
print(_lang_mod_b.SEEN_VALUE)
print(_lang_mod_b._lang_mod_a is _lang_mod_a)
print(sys.modules["_lang_mod_a"] is _lang_mod_a)
print("_lang_mod_b" in sys.modules)
_lang_mod_a.bump()
print(_lang_mod_b.bump_a())
print(_lang_mod_a.COUNTER)
import _lang_mod_a as again
print(again is _lang_mod_a)
def f():
    import _lang_mod_a
    return _lang_mod_a.COUNTER
print(f())
