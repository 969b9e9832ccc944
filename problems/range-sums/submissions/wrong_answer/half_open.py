# Reads the ranges as half-open [l, r): misses a_r.
import itertools
import sys

data = sys.stdin.buffer.read().split()
n, q = int(data[0]), int(data[1])
prefix = [0, *itertools.accumulate(map(int, data[2 : 2 + n]))]
bounds = data[2 + n :]
for k in range(q):
    print(prefix[int(bounds[2 * k + 1]) - 1] - prefix[int(bounds[2 * k]) - 1])
