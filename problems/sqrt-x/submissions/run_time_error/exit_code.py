import sys

t = int(sys.stdin.readline())
if t > 0:
    sys.exit(3)
