print("_lang_pkg.helpers running, __name__ =", __name__)
NAME = "helpers"


def twice(x):
    return x * 2
