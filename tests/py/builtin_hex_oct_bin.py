# hex / oct / bin
for v in [0, 1, 255, -255, 2 ** 64, -(2 ** 70), 8, 4096]:
    print(v, hex(v), oct(v), bin(v))
print(hex(True), bin(False), oct(-0))
class Idx:
    def __index__(self):
        return 42
print(hex(Idx()), bin(Idx()), oct(Idx()))
for bad in [1.5, '10', None]:
    try:
        hex(bad)
    except TypeError as e:
        print('TE', e)
print(int(hex(12345), 16), int(oct(12345), 8), int(bin(12345), 2), int(bin(-5), 0))
