# dict equality
a = {'x': 1, 'y': 2}
b = {'y': 2, 'x': 1}
print(a == b, a != b, a == {'x': 1}, {} == {}, a == {'x': 1, 'y': 2.0})
print({1: 'a'} == {1.0: 'a'}, {'k': [1]} == {'k': [1]}, a == [('x', 1), ('y', 2)])
try:
    a < b
except TypeError as e:
    print('TE', e)
print(dict(a) == a, dict(a) is a)
nested = {'l': [1, {'m': 2}]}
print(nested == {'l': [1, {'m': 2}]}, nested == {'l': [1, {'m': 3}]})
