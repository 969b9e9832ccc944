# O(n q): enough for group 1 (30 points), far too slow for group 2.
import sys

data = sys.stdin.buffer.read().split()
n, q = int(data[0]), int(data[1])
values = [int(token) for token in data[2 : 2 + n]]
bounds = data[2 + n :]
for k in range(q):
    left, right = int(bounds[2 * k]), int(bounds[2 * k + 1])
    total = 0
    for index in range(left - 1, right):
        total += values[index]
    print(total)
