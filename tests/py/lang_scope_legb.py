x = "global"

def outer():
    x = "enclosing"
    def inner():
        return x
    return inner()
print(outer())

def local_wins():
    x = "local"
    return x
print(local_wins(), x)

def builtin_lookup():
    return len("abc")
print(builtin_lookup())

len = lambda s: "shadowed len"
print(builtin_lookup())
del len
print(builtin_lookup())

def shadow_builtin_locally():
    max = "local max"
    return max
print(shadow_builtin_locally(), max(1, 2))

try:
    custom_builtin
except NameError as e:
    print(type(e).__name__, e)

def param_shadow(x):
    return x
print(param_shadow("param"))

class K:
    x = "class"
    def m(self):
        return x
print(K().m())

def later_global():
    return late
late = "defined after function"
print(later_global())
print(sorted(k for k in globals() if not k.startswith("__")))
