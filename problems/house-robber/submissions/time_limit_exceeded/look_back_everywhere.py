# Correct, but for each house it looks back at every non-adjacent earlier house: O(n^2).
class Solution:
    def rob(self, nums: List[int]) -> int:
        best = []
        for i, x in enumerate(nums):
            before = 0
            for j in range(i - 1):
                before = max(before, best[j])
            best.append(before + x)
        return max(best)
