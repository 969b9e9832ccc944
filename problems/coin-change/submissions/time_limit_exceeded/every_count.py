# Correct, but tries every number of coins of each value: exponential in the number of coin values.
class Solution:
    def coinChange(self, coins: List[int], amount: int) -> int:
        def fewest(i: int, left: int) -> int:
            if left == 0:
                return 0
            if i == len(coins):
                return -1
            best = -1
            for count in range(left // coins[i] + 1):
                rest = fewest(i + 1, left - count * coins[i])
                if rest != -1 and (best == -1 or count + rest < best):
                    best = count + rest
            return best

        return fewest(0, amount)
