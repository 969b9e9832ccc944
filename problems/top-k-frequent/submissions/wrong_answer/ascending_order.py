# Sorts by frequency but forgets to reverse: it returns the k least frequent values.
from collections import Counter


class Solution:
    def topKFrequent(self, nums: List[int], k: int) -> List[int]:
        counts = Counter(nums)
        return sorted(counts, key=counts.get)[:k]
