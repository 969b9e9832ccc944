# Wrong: after sorting, compares neighbours pair by pair, but when every pair matches it returns the
# first value instead of the last (the single one is then the largest).
class Solution:
    def singleNumber(self, nums: List[int]) -> int:
        nums = sorted(nums)
        for i in range(0, len(nums) - 1, 2):
            if nums[i] != nums[i + 1]:
                return nums[i]
        return nums[0]
