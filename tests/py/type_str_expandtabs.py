# expandtabs
print(repr('a\tb'.expandtabs()), repr('a\tb'.expandtabs(4)), repr('\t'.expandtabs(2)))
print(repr('ab\tcd\tef'.expandtabs(3)), repr('abcd\te'.expandtabs(4)), repr('a\tb'.expandtabs(0)))
print(repr('a\nb\tc'.expandtabs(4)), repr('x\r\ty'.expandtabs(4)), repr('no tabs'.expandtabs()))
print(repr('\t\t'.expandtabs(3)), repr('12345678\tx'.expandtabs()))
