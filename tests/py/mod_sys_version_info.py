import sys
vi = sys.version_info
print(vi.major, vi.minor, vi[:2], vi >= (3, 8), type(vi).__name__, isinstance(vi, tuple), len(vi))
print(repr(vi)[:40], vi.releaselevel)
a, b, *rest = vi
print(a, b, rest[-2:])
