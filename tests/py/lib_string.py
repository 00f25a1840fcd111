# string: the constants, capwords, Template (substitute, safe_substitute,
# is_valid, get_identifiers, custom delimiters, errors) and Formatter
# (parsing, field lookup, conversion, nesting, numbering errors).
import string


def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


for name in ('ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'digits', 'hexdigits',
             'octdigits', 'punctuation', 'printable', 'whitespace'):
    value = getattr(string, name)
    print(name, repr(value), len(value))

print(string.capwords('hello   world  '), string.capwords(' the\tquick\nbrown fox'),
      string.capwords('aBC dEF'), string.capwords(''), repr(string.capwords('   ')))
print(string.capwords('a-b-c', '-'), string.capwords('one,two,,three', ','), string.capwords('x  y', ' '))
print(string.capwords("they're bill's friends"), string.capwords('ÉCOLE élève'))

T = string.Template
t = T('$who likes $what')
print(t.template, t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'ann', 'what': 'tea'}))
print(t.substitute({'who': 'x', 'what': 'y'}, what='override'), t.safe_substitute(who='tim'))
print(T('${noun}ification $$ $$$x $x$y ${a}b').substitute(noun='simpl', x=1, y=2, a='A'))
print(T('$a_1 $_b $C2 ${_d_} $ab.c').substitute(a_1=1, _b=2, C2=3, _d_=4, ab='AB'))
print(T('$x').substitute(x=[1, 2]), T('$x').substitute(x=None), T('').substitute(), T('no placeholders').substitute(a=1))
print(T('trailing $').safe_substitute(), T('$ 1 $1 ${1} ${ x} ${x').safe_substitute(x='X'))
print(T('${x} $x ${y} $y $$').safe_substitute(x='X'))
show('missing key', lambda: T('$who and $missing').substitute(who=1))
show('missing braced', lambda: T('${missing}').substitute())
show('invalid end', lambda: T('cost: $').substitute())
show('invalid digit', lambda: T('abc $1').substitute())
show('invalid line 2', lambda: T('line one\nline $two and $ three').substitute(two=2))
show('invalid line 3', lambda: T('a\r\nb\n  $!').substitute())
show('invalid first', lambda: T('$').substitute())
show('invalid brace', lambda: T('${a b}').substitute({'a b': 1}))
show('non-ascii id', lambda: T('$café').substitute(caf='CAF'))
show('non-ascii id 2', lambda: T('$éa').substitute())
show('positional and mapping', lambda: T('$a').substitute({'a': 1}, {'a': 2}))
print(T('$a $b ${c} $$ $a').get_identifiers(), T('$1 $ ${} $x').get_identifiers(), T('').get_identifiers())
print(T('$a ${b}').is_valid(), T('$a $').is_valid(), T('$$').is_valid(), T('${a').is_valid())
print(T.delimiter, T.idpattern, T.braceidpattern, int(T.flags))


class Percent(string.Template):
    delimiter = '%'


print(Percent('%who owes %%%amount ${x} %{x}').substitute(who='tim', amount=5, x='X'))
show('percent invalid', lambda: Percent('100%').substitute())


class Multi(string.Template):
    delimiter = '<<'


print(Multi('<<a and <<<<b and <<{c} << d').safe_substitute(a=1, b=2, c=3))
print(Multi('<<a <<<<').substitute(a='A'), Multi('x<<y').get_identifiers())


class Mapping:
    def __getitem__(self, key):
        if key == 'known':
            return 'K'
        raise KeyError(key)


print(T('$known $unknown').safe_substitute(Mapping()))
show('mapping missing', lambda: T('$known $unknown').substitute(Mapping()))

# Formatter
f = string.Formatter()
print(f.format('{} and {}', 'a', 'b'), f.format('{1}{0}', 'x', 'y'), f.format('{name}!', name='hi'))
print(f.format('{0!r:>8}|{0!s:<5}|{0!a}', 'é'), f.format('{:{w}.{p}f}', 3.14159, w=10, p=2))
print(f.format('{0.real} {0.imag} {1[0]} {1[1][k]} {2[key]}', 3 + 4j, [1, {'k': 'v'}], {'key': 'val'}))
print(f.format('{{literal}} {{{0}}}', 'x'), f.format('plain'), f.format(''), f.format('{:*^9}', 'mid'))
print(f.format('{0:{1}}', 42, '>6'), f.format('{a[0]}', a='xyz'), f.format('{:,}', 1234567))
print(f.vformat('{0}-{x}', ('pos',), {'x': 'kw'}))
show('switch to auto', lambda: f.format('{0}{}', 1, 2))
show('switch to manual', lambda: f.format('{}{0}', 1, 2))
show('index error', lambda: f.format('{5}', 1))
show('key error', lambda: f.format('{nope}'))
show('bad conversion', lambda: f.format('{0!x}', 1))
show('recursion', lambda: f.format('{:{:{}}}', 1, 2, 3))
show('single }', lambda: f.format('a}b'))
show('single {', lambda: f.format('a{'))
show('unclosed', lambda: f.format('{0'))
show('attr error', lambda: f.format('{0.nope}', 1))
show('empty attr', lambda: f.format('{0.}', 1))
show('missing ]', lambda: f.format('{0[1}', [1]))
show('after ]', lambda: f.format('{0[0]x}', [1]))
show('bad spec', lambda: f.format('{:d}', 'str'))
print(list(f.parse('a{{b}}c{0!r:>{w}}d{x.y[1]}')))
print(list(f.parse('{}{:}{!s}')), list(f.parse('')), list(f.parse('only text')))
for bad in ('{', '}', '{a', '{a!', '{a!r', '{a!rr}', '{a:{b}', '{a{b}', '{a[}'):
    show('parse %r' % bad, lambda: list(f.parse(bad)))
print(f.get_field('0.real', [5], {}), f.get_field('k[1]', [], {'k': 'ab'}), f.get_value(0, ['v'], {}), f.get_value('n', [], {'n': 1}))
print(f.convert_field(1, None), f.convert_field('a', 'r'), f.convert_field('é', 'a'), f.format_field(3.5, '08.3f'))


class Strict(string.Formatter):
    def check_unused_args(self, used_args, args, kwargs):
        unused = set(range(len(args))) | set(kwargs)
        unused -= used_args
        if unused:
            raise ValueError('unused: %s' % sorted(map(str, unused)))

    def get_value(self, key, args, kwargs):
        if isinstance(key, str) and key not in kwargs:
            return '<%s>' % key
        return super().get_value(key, args, kwargs)

    def convert_field(self, value, conversion):
        if conversion == 'u':
            return str(value).upper()
        return super().convert_field(value, conversion)

    def format_field(self, value, format_spec):
        if format_spec == 'rev':
            return str(value)[::-1]
        return super().format_field(value, format_spec)


s = Strict()
print(s.format('{0} {missing} {0!u} {0:rev}', 'abc'))
show('unused', lambda: s.format('{0}', 1, 2, k=3))
print(sorted(string.__all__))
