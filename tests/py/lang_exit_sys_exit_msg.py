import sys
print("stdout before exit")
try:
    sys.exit("caught message")
except SystemExit as e:
    print("code is", repr(e.code), e.args)
sys.exit("fatal: something went wrong")
