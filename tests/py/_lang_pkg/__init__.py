print("_lang_pkg __init__ running")
PKG_VALUE = "pkg"
from . import helpers
from .helpers import twice


def pkg_func():
    return "pkg_func:" + helpers.NAME
