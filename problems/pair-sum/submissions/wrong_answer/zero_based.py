import sys

data = sys.stdin.buffer.read().split()
n, x = int(data[0]), int(data[1])
values = [int(token) for token in data[2 : 2 + n]]
seen = {}
for index, value in enumerate(values):
    if x - value in seen:
        print(seen[x - value], index)  # 0-based positions: off by one
        break
    seen.setdefault(value, index)
else:
    print(-1)
