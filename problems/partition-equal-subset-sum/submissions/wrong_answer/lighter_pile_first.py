# Wrong: greedy, heaviest nugget first onto the lighter pile; fair splits exist that it does not find.
class Solution:
    def canPartition(self, nums: List[int]) -> bool:
        a = b = 0
        for x in sorted(nums, reverse=True):
            if a <= b:
                a += x
            else:
                b += x
        return a == b
