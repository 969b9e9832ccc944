# Correct but O(n^2): each interval is compared with every period found so far.
class Solution:
    def merge(self, intervals: List[List[int]]) -> List[List[int]]:
        periods: List[List[int]] = []
        for start, end in intervals:
            rest = []
            for p in periods:
                if p[0] <= end and start <= p[1]:
                    start, end = min(start, p[0]), max(end, p[1])
                else:
                    rest.append(p)
            rest.append([start, end])
            periods = rest
        return sorted(periods)
