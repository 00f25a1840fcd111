def helper():
    return undefined_variable + 1

print("start")
try:
    helper()
except NameError as e:
    print("first:", e)
helper()
