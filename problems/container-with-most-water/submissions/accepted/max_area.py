class Solution:
    def maxArea(self, height: List[int]) -> int:
        lo, hi, best = 0, len(height) - 1, 0
        while lo < hi:
            if height[lo] < height[hi]:
                best = max(best, (hi - lo) * height[lo])
                lo += 1
            else:
                best = max(best, (hi - lo) * height[hi])
                hi -= 1
        return best
