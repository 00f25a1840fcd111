import _lang_pkg
print(_lang_pkg.PKG_VALUE)
print(_lang_pkg.pkg_func())
print(_lang_pkg.twice(4))
print(_lang_pkg.helpers.NAME)
import _lang_pkg.sub
print(_lang_pkg.sub.SUB_VALUE)
print(_lang_pkg.sub.leaf_func(5))
import _lang_pkg.sub.leaf as lf
print(lf.leaf_func(1))
print(lf.__name__)
print(_lang_pkg.sub.__name__)
print(_lang_pkg.sub.leaf is lf)
from _lang_pkg.sub import leaf
print(leaf is lf)
from _lang_pkg import helpers
print(helpers.twice("ab"))
