import sys

a, b = map(int, sys.stdin.read().split())
if a + b > 0
    print(a + b)
else:
    print(a + b)
