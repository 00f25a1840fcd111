import _lang_mod_err
print("calling helper")
_lang_mod_err.fail("raised from helper module")
