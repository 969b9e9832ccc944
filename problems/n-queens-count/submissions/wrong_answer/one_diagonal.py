# Wrong: checks columns and one direction of diagonals, forgetting the other.
class Solution:
    def totalNQueens(self, n: int) -> int:
        cols, diag = set(), set()

        def place(row: int) -> int:
            if row == n:
                return 1
            count = 0
            for c in range(n):
                if c in cols or row - c in diag:
                    continue
                cols.add(c)
                diag.add(row - c)
                count += place(row + 1)
                cols.remove(c)
                diag.remove(row - c)
            return count

        return place(0)
