def use():
    import _lang_mod_a as m
    from _lang_mod_a import greet
    return m.VALUE, greet("x")

print(use())
try:
    _lang_mod_a
except NameError as e:
    print(type(e).__name__, e)
try:
    greet
except NameError as e:
    print(type(e).__name__, e)
import _lang_mod_err
try:
    _lang_mod_err.fail("boom")
except _lang_mod_err.HelperError as e:
    print(type(e).__name__, e, type(e).__module__)
