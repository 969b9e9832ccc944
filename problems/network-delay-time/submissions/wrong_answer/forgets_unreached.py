# Wrong: servers the alert never reaches are skipped instead of making the answer -1.
import heapq


class Solution:
    def networkDelayTime(self, times: List[List[int]], n: int, k: int) -> int:
        links: List[List[tuple]] = [[] for _ in range(n + 1)]
        for u, v, w in times:
            links[u].append((v, w))
        dist = {}
        heap = [(0, k)]
        while heap:
            d, u = heapq.heappop(heap)
            if u in dist:
                continue
            dist[u] = d
            for v, w in links[u]:
                if v not in dist:
                    heapq.heappush(heap, (d + w, v))
        return max(dist.values())
