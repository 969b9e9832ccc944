# Correct, but counts the bits of every number one by one, O(n log n) steps of Python.
class Solution:
    def countBits(self, n: int) -> List[int]:
        out = []
        for i in range(n + 1):
            count = 0
            x = i
            while x:
                count += x & 1
                x >>= 1
            out.append(count)
        return out
