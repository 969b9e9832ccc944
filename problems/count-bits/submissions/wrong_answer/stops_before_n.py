# Wrong: off by one, the list covers 0 .. n - 1 and misses n itself.
class Solution:
    def countBits(self, n: int) -> List[int]:
        bits = [0] * max(n, 1)
        for i in range(1, n):
            bits[i] = bits[i >> 1] + (i & 1)
        return bits
