import sys

def main():
    print("doing work")
    try:
        sys.exit(7)
    except SystemExit as e:
        print("caught SystemExit", e.code, type(e.code).__name__)
    try:
        print("finally test")
    finally:
        print("finally runs before exit")
    sys.exit(3)
    print("not reached")

try:
    main()
finally:
    print("outer finally")
