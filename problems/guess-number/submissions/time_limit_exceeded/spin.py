# Reads n, then thinks for ever instead of guessing.
n = int(input())
x = 0
while True:
    x = (x * 31 + n) % 1000003
