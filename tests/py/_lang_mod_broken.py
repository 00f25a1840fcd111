# helper: module whose body raises
print("_lang_mod_broken starting")
X = 1
raise ValueError("broken module body")
