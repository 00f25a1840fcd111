"""A collection of string constants and classes, written for skiff.

Public module variables:

whitespace -- a string containing all ASCII whitespace
ascii_lowercase -- a string containing all ASCII lowercase letters
ascii_uppercase -- a string containing all ASCII uppercase letters
ascii_letters -- a string containing all ASCII letters
digits -- a string containing all ASCII decimal digits
hexdigits -- a string containing all ASCII hexadecimal digits
octdigits -- a string containing all ASCII octal digits
punctuation -- a string containing all ASCII punctuation characters
printable -- a string containing all ASCII characters considered printable

`Template` finds its placeholders with a hand-written scanner equivalent to
CPython's default pattern (any delimiter, ASCII identifiers). Subclasses
that replace `pattern`, `idpattern`, `braceidpattern` or `flags` need the
`re` module. `Formatter` parses format strings itself, with the same
results and errors as CPython's `_string.formatter_parser`.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words."""
    return (sep or ' ').join([word.capitalize() for word in s.split(sep)])


################################################################################
### Template
################################################################################

_DEFAULT_IDPATTERN = r'(?a:[_a-z][_a-z0-9]*)'
_IGNORECASE = 2     # re.IGNORECASE
_VERBOSE = 64       # re.VERBOSE

_ID_START = frozenset('_' + ascii_letters)
_ID_CHARS = frozenset('_' + ascii_letters + digits)

_sentinel_dict = {}


class _Placeholder:
    """One delimiter occurrence found in a template: `kind` is 'escaped',
    'named', 'braced' or 'invalid'; `start`/`end` span the whole match and
    `pos` is where the part after the delimiter starts."""

    __slots__ = ('kind', 'name', 'start', 'end', 'pos')

    def __init__(self, kind, name, start, end, pos):
        self.kind = kind
        self.name = name
        self.start = start
        self.end = end
        self.pos = pos


def _scan(template, delimiter):
    """The placeholders of `template` for the default identifier pattern,
    left to right, as the default regular expression would match them."""
    n = len(template)
    dlen = len(delimiter)
    i = template.find(delimiter)
    while i >= 0:
        start = i
        j = i + dlen
        if template.startswith(delimiter, j):
            yield _Placeholder('escaped', None, start, j + dlen, j)
            end = j + dlen
        elif j < n and template[j] in _ID_START:
            k = j + 1
            while k < n and template[k] in _ID_CHARS:
                k += 1
            yield _Placeholder('named', template[j:k], start, k, j)
            end = k
        else:
            end = j
            kind = 'invalid'
            if j + 1 < n and template[j] == '{' and template[j + 1] in _ID_START:
                k = j + 2
                while k < n and template[k] in _ID_CHARS:
                    k += 1
                if k < n and template[k] == '}':
                    yield _Placeholder('braced', template[j + 1:k], start, k + 1, j)
                    end = k + 1
                    kind = None
            if kind is not None:
                yield _Placeholder('invalid', None, start, j, j)
        i = template.find(delimiter, end)


def _scan_regex(template, regex):
    for mo in regex.finditer(template):
        groups = mo.groupdict()
        if groups.get('escaped') is not None:
            yield _Placeholder('escaped', None, mo.start(), mo.end(), mo.start('escaped'))
        elif groups.get('named') is not None:
            yield _Placeholder('named', groups['named'], mo.start(), mo.end(), mo.start('named'))
        elif groups.get('braced') is not None:
            yield _Placeholder('braced', groups['braced'], mo.start(), mo.end(), mo.start('braced'))
        elif groups.get('invalid') is not None:
            yield _Placeholder('invalid', None, mo.start(), mo.end(), mo.start('invalid'))
        else:
            raise ValueError('Unrecognized named group in pattern', regex)


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    # r'[a-z]' matches to non-ASCII letters when used with IGNORECASE, but
    # without the ASCII flag.  We can't add re.ASCII to flags because of
    # backward compatibility.  So we use the ?a local flag and [a-z] pattern.
    idpattern = _DEFAULT_IDPATTERN
    braceidpattern = None
    flags = _IGNORECASE

    def __init_subclass__(cls):
        super().__init_subclass__()
        cls._compile()

    @classmethod
    def _compile(cls):
        custom = ('pattern' in cls.__dict__
                  or cls.idpattern != _DEFAULT_IDPATTERN
                  or cls.braceidpattern not in (None, _DEFAULT_IDPATTERN)
                  or cls.flags != _IGNORECASE)
        try:
            import re
        except ImportError:
            re = None
        if not custom:
            # The scanner does the work; the compiled pattern is only
            # offered as the `pattern` attribute, when re can build it.
            cls._regex = None
            if re is not None:
                try:
                    cls.pattern = re.compile(cls._pattern_source(re), cls.flags | re.VERBOSE)
                except Exception:
                    pass
            return
        if re is None:
            raise NotImplementedError(
                'Template subclasses with their own patterns need the re module')
        if 'pattern' in cls.__dict__:
            pattern = cls.pattern
        else:
            pattern = cls._pattern_source(re)
        cls.pattern = cls._regex = re.compile(pattern, cls.flags | re.VERBOSE)

    @classmethod
    def _pattern_source(cls, re):
        delim = re.escape(cls.delimiter)
        id = cls.idpattern
        bid = cls.braceidpattern or cls.idpattern
        return r"""
        %s(?:
          (?P<escaped>%s)  |   # Escape sequence of two delimiters
          (?P<named>%s)       |   # delimiter and a Python identifier
          {(?P<braced>%s)}   |   # delimiter and a braced identifier
          (?P<invalid>)             # Other ill-formed delimiter exprs
        )
        """ % (delim, delim, id, bid)

    def __init__(self, template):
        self.template = template

    def _placeholders(self):
        regex = type(self)._regex
        if regex is None:
            return _scan(self.template, self.delimiter)
        return _scan_regex(self.template, regex)

    def _invalid(self, ph):
        i = ph.pos
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def _substitute(self, mapping, safe):
        template = self.template
        parts = []
        last = 0
        for ph in self._placeholders():
            parts.append(template[last:ph.start])
            last = ph.end
            kind = ph.kind
            if kind == 'named' or kind == 'braced':
                if safe:
                    try:
                        parts.append(str(mapping[ph.name]))
                    except KeyError:
                        parts.append(template[ph.start:ph.end])
                else:
                    parts.append(str(mapping[ph.name]))
            elif kind == 'escaped':
                parts.append(self.delimiter)
            elif safe:
                parts.append(template[ph.start:ph.end])
            else:
                self._invalid(ph)
        parts.append(template[last:])
        return ''.join(parts)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        return self._substitute(mapping, False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)
        return self._substitute(mapping, True)

    def is_valid(self):
        for ph in self._placeholders():
            if ph.kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for ph in self._placeholders():
            if ph.name is not None and ph.name not in ids:
                ids.append(ph.name)
        return ids


# Template is compiled like its subclasses (this sets Template.pattern when
# the re module exists).
Template._compile()


################################################################################
### Formatter
################################################################################

def _parse_format(s):
    """What `_string.formatter_parser(s)` yields: (literal_text, field_name,
    format_spec, conversion) tuples; the last three are None when no
    replacement field follows the literal text."""
    n = len(s)
    pos = 0
    while pos < n:
        start = pos
        c = ''
        markup = False
        while pos < n:
            c = s[pos]
            pos += 1
            if c == '{' or c == '}':
                markup = True
                break
        at_end = pos >= n
        length = pos - start
        if c == '}' and markup and (at_end or s[pos] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if at_end and c == '{' and markup:
            raise ValueError("Single '{' encountered in format string")
        if markup:
            if s[pos] == c:
                # A doubled brace: the literal keeps one of them.
                pos += 1
                markup = False
            else:
                length -= 1
        literal = s[start:start + length]
        if not markup:
            yield literal, None, None, None
            continue
        field_name, format_spec, conversion, pos = _parse_field(s, pos)
        yield literal, field_name, format_spec, conversion


def _parse_field(s, pos):
    n = len(s)
    name_start = pos
    c = ''
    while pos < n:
        c = s[pos]
        pos += 1
        if c == '{':
            raise ValueError("unexpected '{' in field name")
        if c == '[':
            # Anything goes inside brackets, up to the closing one.
            while pos < n and s[pos] != ']':
                pos += 1
            continue
        if c == '}' or c == ':' or c == '!':
            break
    else:
        raise ValueError("expected '}' before end of string")
    field_name = s[name_start:pos - 1]
    conversion = None
    if c == '!' or c == ':':
        if c == '!':
            if pos >= n:
                raise ValueError('end of string while looking for conversion specifier')
            conversion = s[pos]
            pos += 1
            if pos < n:
                c = s[pos]
                pos += 1
                if c == '}':
                    return field_name, '', conversion, pos
                if c != ':':
                    raise ValueError("expected ':' after conversion specifier")
        spec_start = pos
        count = 1
        while pos < n:
            c = s[pos]
            pos += 1
            if c == '{':
                count += 1
            elif c == '}':
                count -= 1
                if count == 0:
                    return field_name, s[spec_start:pos - 1], conversion, pos
        raise ValueError("unmatched '{' in format spec")
    if c != '}':
        raise ValueError("expected '}' before end of string")
    return field_name, '', conversion, pos


def _as_index(text):
    """The integer a field name part denotes, or None: it must be all
    decimal digits."""
    if text and text.isdecimal():
        value = int(text)
        if value > 9223372036854775807:
            raise ValueError('Too many decimal digits in format string')
        return value
    return None


def _split_field_name(field_name):
    """What `_string.formatter_field_name_split` returns: the first part
    (an int if it is all digits) and an iterator of (is_attribute, key)."""
    n = len(field_name)
    i = 0
    while i < n and field_name[i] not in '.[':
        i += 1
    first = field_name[:i]
    index = _as_index(first)
    return (first if index is None else index), _field_name_rest(field_name, i)


def _field_name_rest(s, pos):
    n = len(s)
    while pos < n:
        c = s[pos]
        pos += 1
        if c == '.':
            start = pos
            while pos < n and s[pos] not in '.[':
                pos += 1
            name = s[start:pos]
            if not name:
                raise ValueError('Empty attribute in format string')
            yield True, name
        elif c == '[':
            start = pos
            while pos < n and s[pos] != ']':
                pos += 1
            if pos >= n:
                raise ValueError("Missing ']' in format string")
            name = s[start:pos]
            pos += 1
            if not name:
                raise ValueError('Empty attribute in format string')
            index = _as_index(name)
            yield False, (name if index is None else index)
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            # Automatic numbering ('{}') and manual numbering ('{0}') may
            # not be mixed; auto_arg_index is False once manual was seen.
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier %s' % (conversion,))

    def parse(self, format_string):
        """Return an iterable of (literal_text, field_name, format_spec,
        conversion) tuples; the last three are None at the end of the
        string when no replacement field follows."""
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        """Given a field_name, find the object it references and the
        argument it came from."""
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            if is_attr:
                obj = getattr(obj, key)
            else:
                obj = obj[key]
        return obj, first
