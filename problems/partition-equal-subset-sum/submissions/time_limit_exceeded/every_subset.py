# Correct, but searches the subsets one by one (take the nugget or not), exponential when no fair split
# exists.
class Solution:
    def canPartition(self, nums: List[int]) -> bool:
        total = sum(nums)
        if total % 2:
            return False

        def reach(i: int, left: int) -> bool:
            if left == 0:
                return True
            if left < 0 or i == len(nums):
                return False
            return reach(i + 1, left - nums[i]) or reach(i + 1, left)

        return reach(0, total // 2)
