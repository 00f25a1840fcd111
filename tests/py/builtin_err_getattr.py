# ends with uncaught AttributeError from getattr()
class Point:
    def __init__(self):
        self.x = 1
p = Point()
print(getattr(p, 'x'), getattr(p, 'y', 'none'))
print(getattr(p, 'y'))
