class Solution:
    def totalNQueens(self, n: int) -> int:
        full = (1 << n) - 1

        def place(cols: int, down: int, up: int) -> int:
            if cols == full:
                return 1
            count = 0
            free = full & ~(cols | down | up)
            while free:
                bit = free & -free
                free ^= bit
                count += place(cols | bit, (down | bit) << 1 & full, (up | bit) >> 1)
            return count

        return place(0, 0, 0)
