import sys

data = sys.stdin.read().split()
n = int(data[0])
mean = sum(float(x) for x in data[1 : n + 1]) / n
line = (repr(mean) + " ") * 1000 + "\n"
while True:  # "just to be sure": the answer, forever
    sys.stdout.write(line)
