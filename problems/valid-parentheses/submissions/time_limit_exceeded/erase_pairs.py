# Deletes adjacent pairs until nothing changes: one pass per nesting level, O(n^2) on deep strings.
class Solution:
    def isValid(self, s: str) -> bool:
        while True:
            shorter = s.replace("()", "").replace("[]", "").replace("{}", "")
            if shorter == s:
                return s == ""
            s = shorter
