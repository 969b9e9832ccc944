# Correct, but Dijkstra without a heap: each step scans all n servers for the closest one, O(n^2).
class Solution:
    def networkDelayTime(self, times: List[List[int]], n: int, k: int) -> int:
        INF = float("inf")
        links: List[List[tuple]] = [[] for _ in range(n + 1)]
        for u, v, w in times:
            links[u].append((v, w))
        dist = [INF] * (n + 1)
        done = [False] * (n + 1)
        dist[k] = 0
        for _ in range(n):
            u, best = -1, INF
            for v in range(1, n + 1):
                if not done[v] and dist[v] < best:
                    u, best = v, dist[v]
            if u == -1:
                return -1
            done[u] = True
            for v, w in links[u]:
                if best + w < dist[v]:
                    dist[v] = best + w
        return max(dist[1:])
