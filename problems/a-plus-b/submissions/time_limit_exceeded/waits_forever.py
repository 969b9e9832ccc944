import time

a, b = map(int, input().split())
while True:
    time.sleep(1)  # not CPU: ends at the wall-clock limit
