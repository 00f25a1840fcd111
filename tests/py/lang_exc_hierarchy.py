pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError),
    (KeyError, LookupError), (IndexError, LookupError), (LookupError, Exception),
    (UnboundLocalError, NameError), (RecursionError, RuntimeError),
    (NotImplementedError, RuntimeError), (ModuleNotFoundError, ImportError),
    (FileNotFoundError, OSError), (StopIteration, Exception), (GeneratorExit, Exception),
    (GeneratorExit, BaseException), (KeyboardInterrupt, Exception), (SystemExit, Exception),
    (SystemExit, BaseException), (Exception, BaseException), (TypeError, ValueError),
    (UnicodeDecodeError, ValueError), (AssertionError, Exception), (StopAsyncIteration, Exception),
    (IndentationError, SyntaxError), (TabError, IndentationError), (bool, int), (KeyError, KeyError),
]
for sub, sup in pairs:
    print(sub.__name__, "<", sup.__name__, issubclass(sub, sup))

print([c.__name__ for c in ZeroDivisionError.__mro__])
print([c.__name__ for c in KeyError.__mro__])
print([c.__name__ for c in UnboundLocalError.__mro__])
print(BaseException.__bases__[0].__name__)

try:
    {}[1]
except LookupError as e:
    print("LookupError caught", type(e).__name__)
try:
    1 // 0
except ArithmeticError as e:
    print("ArithmeticError caught", type(e).__name__)
try:
    raise SystemExit(2)
except Exception:
    print("wrong")
except BaseException as e:
    print("BaseException caught", type(e).__name__, e.code)
print(issubclass(ValueError, (TypeError, Exception)))
print(isinstance(KeyError(), LookupError), isinstance(KeyError, LookupError))
