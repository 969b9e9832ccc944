# Wrong: forgets the replace edit, so a changed letter costs a deletion plus an insertion.
class Solution:
    def minDistance(self, word1: str, word2: str) -> int:
        prev = list(range(len(word2) + 1))
        for i, x in enumerate(word1, 1):
            cur = [i]
            for j, y in enumerate(word2, 1):
                cur.append(prev[j - 1] if x == y else 1 + min(prev[j], cur[j - 1]))
            prev = cur
        return prev[-1]
