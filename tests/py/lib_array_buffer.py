# array.array exposes its items' machine bytes wherever CPython takes any
# buffer: bytes(), bytearray(), bytearray.extend, bytes.join, struct.unpack,
# int.from_bytes. Comparisons and concatenation do not treat it as bytes.
import struct
from array import array

a = array('i', [1, 2, 300])
print(bytes(a) == a.tobytes(), len(bytes(a)))
print(bytearray(a) == bytearray(a.tobytes()))
print(bytes(array('B', [1, 2, 255])))
print(bytes(array('d', [1.5, -2.0])) == struct.pack('2d', 1.5, -2.0))
b = bytearray(b"xy")
b.extend(array('b', [65, 66]))
print(b)
print(b"-".join([b"a", array('B', [66, 67]), bytearray(b"d")]))
print(struct.unpack('3i', a))
print(int.from_bytes(array('B', [1, 2]), 'big'))
print(bytes(array('u', 'hi')) == 'hi'.encode('utf-32-le' if array('u').itemsize == 4 else 'utf-16-le'))
print(bytes(array('B')))
print(b"\x01" == array('B', [1]), array('B', [1]) == array('B', [1]))
try:
    print(b"x" + array("B", [66]), bytearray(b"y") + array("B", [67]))
except TypeError as e:
    print("TypeError", e)
