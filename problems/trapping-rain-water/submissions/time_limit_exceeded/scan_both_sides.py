# Correct, but for every column it scans the whole wall for the highest column on each side: O(n^2).
class Solution:
    def trap(self, height: List[int]) -> int:
        water = 0
        for i, h in enumerate(height):
            level = min(max(height[: i + 1]), max(height[i:]))
            water += level - h
        return water
