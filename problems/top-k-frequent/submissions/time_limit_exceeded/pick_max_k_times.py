# Picks the most frequent remaining value k times, scanning all counts each time: O(k * distinct).
class Solution:
    def topKFrequent(self, nums: List[int], k: int) -> List[int]:
        counts = {}
        for x in nums:
            counts[x] = counts.get(x, 0) + 1
        result = []
        for _ in range(k):
            best = None
            for value, freq in counts.items():
                if best is None or freq > counts[best]:
                    best = value
            result.append(best)
            del counts[best]
        return result
