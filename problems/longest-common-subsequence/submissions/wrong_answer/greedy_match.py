# Wrong: matches each letter of text1 with the first unused occurrence in text2, which gives a common
# subsequence but not always the longest one.
class Solution:
    def longestCommonSubsequence(self, text1: str, text2: str) -> int:
        length, pos = 0, 0
        for x in text1:
            found = text2.find(x, pos)
            if found != -1:
                length += 1
                pos = found + 1
        return length
