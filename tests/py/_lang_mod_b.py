# helper: imports _lang_mod_a too, to check caching
import _lang_mod_a
print("_lang_mod_b body running")
SEEN_VALUE = _lang_mod_a.VALUE


def bump_a():
    return _lang_mod_a.bump()
