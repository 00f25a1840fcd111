# sys.stdout / sys.stderr writing
import sys
n = sys.stdout.write('written\n')
print(n)
print(sys.stdout.write(''), sys.stdout.write('é😀\n'))
sys.stdout.write('a')
sys.stdout.write('b\n')
sys.stderr.write('to stderr\n')
sys.stdout.flush()
print(sys.stdout.write('x' * 5 + '\n'))
try:
    sys.stdout.write(5)
except TypeError as e:
    print('TE', e)
print(sys.stdout is sys.__stdout__, sys.stderr is not sys.stdout)
save = sys.stdout
class Capture:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        pass
cap = Capture()
sys.stdout = cap
print('captured', 1, 2)
print('line two', end='')
sys.stdout = save
print(repr(''.join(cap.parts)), all(isinstance(p, str) for p in cap.parts))
