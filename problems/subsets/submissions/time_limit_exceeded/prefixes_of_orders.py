# Correct, but collects the prefixes of every ordering of nums and removes duplicates: O(n! * n).
from itertools import permutations


class Solution:
    def subsets(self, nums: List[int]) -> List[List[int]]:
        seen = {()}
        for order in permutations(nums):
            for k in range(1, len(order) + 1):
                seen.add(tuple(sorted(order[:k])))
        return [list(s) for s in seen]
