# str() / int() / float() / bool() constructors
print(repr(str()), str(42), str(-1.5), str(True), str(None), str([1, '2']), str(b'ab'), str(b'ab', 'ascii'), str('é'))
print(int(), int('  -12  '), int(7.99), int(-7.99), int(True), int('0b11', 0), int('11', base=3), int(b'42'))
print(float(), float('  2.5 '), float(3), float('-inf'), float(b'1.5'), float(' 1e2 '))
print(bool(), bool(0), bool(0.0), bool(''), bool(' '), bool([]), bool([[]]), bool(None), bool(object()), bool(-1))
class Truthy:
    def __bool__(self):
        return False
class Lenny:
    def __len__(self):
        return 0
class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
    def __index__(self):
        return 9
print(bool(Truthy()), bool(Lenny()), int(Num()), float(Num()), hex(Num()))
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print('TE', e)
try:
    str(b'\xff', 'utf-8')
except UnicodeDecodeError as e:
    print('UDE', e)
