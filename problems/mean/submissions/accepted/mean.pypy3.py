import math
import sys

data = sys.stdin.buffer.read().split()
n = int(data[0])
# fsum: exactly rounded, so the mean of 10^5 numbers up to 10^9 keeps all its digits.
print(repr(math.fsum(map(float, data[1 : n + 1])) / n))
