# Wrong: off by one, asks for a reach past the last stone instead of onto it.
class Solution:
    def canJump(self, nums: List[int]) -> bool:
        reach = 0
        for i, x in enumerate(nums):
            if i > reach:
                return False
            reach = max(reach, i + x)
        return reach >= len(nums)
