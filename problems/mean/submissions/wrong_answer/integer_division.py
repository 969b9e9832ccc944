import sys

data = sys.stdin.read().split()
n = int(data[0])
print(int(sum(float(x) for x in data[1 : n + 1])) // n)
