# int("4.5") raises ValueError on the first sample: an uncaught exception, the traceback on stderr.
import sys

n = int(sys.stdin.readline())
numbers = list(map(int, sys.stdin.readline().split()))
print(sum(numbers) / n)
