# Wrong: only tries the two alternating patterns (even houses or odd houses); skipping two houses in a row
# can be better.
class Solution:
    def rob(self, nums: List[int]) -> int:
        return max(sum(nums[0::2]), sum(nums[1::2]))
