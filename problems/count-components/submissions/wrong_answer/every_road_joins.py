# Wrong: assumes every road joins two different provinces, which loops and repeated roads do not.
class Solution:
    def countComponents(self, n: int, edges: List[List[int]]) -> int:
        return max(1, n - len(edges))
