# Correct, but counts every value by scanning the whole list again: O(n^2).
class Solution:
    def singleNumber(self, nums: List[int]) -> int:
        for x in nums:
            if nums.count(x) == 1:
                return x
        return 0
