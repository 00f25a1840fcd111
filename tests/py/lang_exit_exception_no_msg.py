class Quiet(Exception):
    pass
print("raising bare class")
raise Quiet
