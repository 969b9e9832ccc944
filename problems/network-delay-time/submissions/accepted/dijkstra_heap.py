import heapq


class Solution:
    def networkDelayTime(self, times: List[List[int]], n: int, k: int) -> int:
        links: List[List[tuple]] = [[] for _ in range(n + 1)]
        for u, v, w in times:
            links[u].append((v, w))
        dist = [-1] * (n + 1)
        heap = [(0, k)]
        reached = 0
        latest = 0
        while heap:
            d, u = heapq.heappop(heap)
            if dist[u] != -1:
                continue
            dist[u] = d
            reached += 1
            latest = d
            for v, w in links[u]:
                if dist[v] == -1:
                    heapq.heappush(heap, (d + w, v))
        return latest if reached == n else -1
