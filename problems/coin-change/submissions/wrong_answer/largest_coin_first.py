# Wrong: greedy, always the largest coin that still fits. Not optimal for every set of coins, and it can
# miss a solution altogether.
class Solution:
    def coinChange(self, coins: List[int], amount: int) -> int:
        used = 0
        for c in sorted(coins, reverse=True):
            used += amount // c
            amount %= c
        return used if amount == 0 else -1
