# collections.abc is reachable as an attribute after `import collections`.
import collections

print(collections.abc.Mapping.__name__, isinstance({}, collections.abc.Mapping))
import collections.abc as cabc
print(cabc is collections.abc, 'abc' in dir(collections))
try:
    collections.no_such_thing
except AttributeError as e:
    print(e)
