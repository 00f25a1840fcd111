# sys.exit with an integer code (expected file records exit 3)
import sys
print('before exit')
try:
    sys.exit(5)
except SystemExit as e:
    print('caught', e.code, type(e).__name__, isinstance(e, BaseException), isinstance(e, Exception))
try:
    sys.exit()
except SystemExit as e:
    print('no arg', e.code)
try:
    sys.exit('message')
except SystemExit as e:
    print('str arg', e.code)
sys.stdout.flush()
sys.exit(3)
print('unreachable')
