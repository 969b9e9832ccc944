# Correct, but the neighbours of each word are found by comparing it with every dictionary word:
# O(N^2 * L).
from collections import deque


class Solution:
    def ladderLength(self, beginWord: str, endWord: str, wordList: List[str]) -> int:
        if endWord not in wordList:
            return 0
        depth = {beginWord: 1}
        queue = deque([beginWord])
        while queue:
            word = queue.popleft()
            for other in wordList:
                if other in depth:
                    continue
                if sum(a != b for a, b in zip(word, other)) == 1:
                    depth[other] = depth[word] + 1
                    if other == endWord:
                        return depth[other]
                    queue.append(other)
        return 0
