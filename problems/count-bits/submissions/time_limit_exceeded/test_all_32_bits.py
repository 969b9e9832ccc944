# Correct, but tests all 32 bit positions of every number: 32 (n + 1) steps of Python instead of n + 1.
class Solution:
    def countBits(self, n: int) -> List[int]:
        out = []
        for i in range(n + 1):
            count = 0
            for b in range(32):
                if i >> b & 1:
                    count += 1
            out.append(count)
        return out
