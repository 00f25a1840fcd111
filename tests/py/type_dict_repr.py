# dict repr
print({}, {'a': 1}, {1: 'a', 'b': [2], (3,): None, 2.5: {'n': True}})
print(repr({'q': "it's"}), str({'e': 'é'}), {None: None}, {False: 0, True: 1})
d = {'k': 1}
d['self'] = d
print(d)
print({'a': {'b': {'c': {}}}})
