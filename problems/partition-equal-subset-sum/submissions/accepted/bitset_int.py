class Solution:
    def canPartition(self, nums: List[int]) -> bool:
        total = sum(nums)
        if total % 2:
            return False
        reachable = 1
        for x in nums:
            reachable |= reachable << x
        return bool(reachable >> (total // 2) & 1)
