print("_lang_pkg.sub.leaf running, __name__ =", __name__)
from ..helpers import twice


def leaf_func(x):
    return "leaf:" + str(twice(x))
