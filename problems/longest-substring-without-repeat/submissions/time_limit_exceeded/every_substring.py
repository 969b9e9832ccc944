# Checks every substring for repeats: O(n^2) substrings, ~5 * 10^9 when n = 10^5.
class Solution:
    def lengthOfLongestSubstring(self, s: str) -> int:
        n = len(s)
        best = 0
        for i in range(n):
            seen = set()
            clean = True
            for j in range(i, n):
                if s[j] in seen:
                    clean = False
                seen.add(s[j])
                if clean:
                    best = max(best, j - i + 1)
        return best
