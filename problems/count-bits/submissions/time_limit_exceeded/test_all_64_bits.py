# Correct, but tests every bit position of a 64-bit word for every number: 64 (n + 1) steps of Python
# instead of n + 1 (the recurrence reuses the count of i >> 1).
class Solution:
    def countBits(self, n: int) -> List[int]:
        out = []
        for i in range(n + 1):
            count = 0
            for b in range(64):
                if i >> b & 1:
                    count += 1
            out.append(count)
        return out
