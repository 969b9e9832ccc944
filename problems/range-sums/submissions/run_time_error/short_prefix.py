# A prefix array one too short: prefix[r] for r == n is past its end (IndexError).
import sys

data = sys.stdin.buffer.read().split()
n, q = int(data[0]), int(data[1])
prefix = [0] * n
running = 0
for index in range(n):
    prefix[index] = running
    running += int(data[2 + index])
bounds = data[2 + n :]
for k in range(q):
    print(prefix[int(bounds[2 * k + 1])] - prefix[int(bounds[2 * k]) - 1])
