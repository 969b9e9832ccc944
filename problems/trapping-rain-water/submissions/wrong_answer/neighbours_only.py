# Wrong: the water level above a column is taken from the highest columns strictly to its left and right,
# but a column taller than both then counts as negative water.
class Solution:
    def trap(self, height: List[int]) -> int:
        n = len(height)
        water = 0
        left = [0] * n
        right = [0] * n
        for i in range(1, n):
            left[i] = max(left[i - 1], height[i - 1])
        for i in range(n - 2, -1, -1):
            right[i] = max(right[i + 1], height[i + 1])
        for i in range(1, n - 1):
            water += min(left[i], right[i]) - height[i]
        return water
