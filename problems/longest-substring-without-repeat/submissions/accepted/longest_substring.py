class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        last = {}
        lo = best = 0
        for i, c in enumerate(s):
            if last.get(c, -1) >= lo:
                lo = last[c] + 1
            last[c] = i
            if i - lo + 1 > best:
                best = i - lo + 1
        return best
