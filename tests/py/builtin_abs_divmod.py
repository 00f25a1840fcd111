# abs / divmod
print(abs(-5), abs(5), abs(0), abs(-2.5), abs(-0.0), abs(True), abs(-(2 ** 100)), abs(float('-inf')))
class A:
    def __abs__(self):
        return 'absolute'
print(abs(A()))
try:
    abs('x')
except TypeError as e:
    print('TE', e)
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5), divmod(-17, -5), divmod(0, 3))
print(divmod(17.5, 5), divmod(-17.5, 5), divmod(2 ** 70, 3), divmod(True, 2))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print('ZDE', e)
try:
    divmod('a', 1)
except TypeError as e:
    print('TE', e)
