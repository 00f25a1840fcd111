print("_lang_pkg.sub __init__ running")
from .leaf import leaf_func
from .. import helpers as parent_helpers
SUB_VALUE = parent_helpers.twice(21)
