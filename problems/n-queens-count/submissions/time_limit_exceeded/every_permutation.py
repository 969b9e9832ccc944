# Correct, but checks all n! placements with one queen per row and column: O(n! * n^2).
from itertools import permutations


class Solution:
    def totalNQueens(self, n: int) -> int:
        count = 0
        for cols in permutations(range(n)):
            if all(abs(cols[a] - cols[b]) != b - a for a in range(n) for b in range(a + 1, n)):
                count += 1
        return count
