import sys

a, b = map(int, sys.stdin.read().split())
print(a + b)
print("debugging output on stderr is fine", file=sys.stderr)
