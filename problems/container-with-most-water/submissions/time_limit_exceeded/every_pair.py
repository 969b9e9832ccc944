# Tries every pair of planks: O(n^2), about 5 * 10^9 pairs when n = 10^5.
class Solution:
    def maxArea(self, height: List[int]) -> int:
        best = 0
        n = len(height)
        for i in range(n):
            for j in range(i + 1, n):
                best = max(best, (j - i) * min(height[i], height[j]))
        return best
