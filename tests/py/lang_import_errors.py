import sys
try:
    import _lang_definitely_missing
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
    print(e.name)
try:
    import _lang_definitely_missing
except ImportError as e:
    print("ImportError catches", type(e).__name__)
print(issubclass(ModuleNotFoundError, ImportError))
try:
    import _lang_pkg.nosuch
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    import _lang_mod_broken
except ValueError as e:
    print("caught", type(e).__name__, e)
print("_lang_mod_broken" in sys.modules)
try:
    import _lang_mod_broken
except ValueError as e:
    print("caught again", e)
