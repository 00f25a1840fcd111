import _lang_pkg.sub.leaf
# binding only the top-level name
print(_lang_pkg.__name__)
print(_lang_pkg.sub.leaf.leaf_func(10))
print("sub" in dir(_lang_pkg))
import sys
print(sorted(k for k in sys.modules if k.startswith("_lang_pkg")))
