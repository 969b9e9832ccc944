# Wrong: stops as soon as a move produces endWord, without checking that endWord is in the dictionary.
from collections import deque


class Solution:
    def ladderLength(self, beginWord: str, endWord: str, wordList: List[str]) -> int:
        unvisited = set(wordList)
        queue = deque([(beginWord, 1)])
        while queue:
            word, depth = queue.popleft()
            for i in range(len(word)):
                for ch in "abcdefghijklmnopqrstuvwxyz":
                    nxt = word[:i] + ch + word[i + 1 :]
                    if nxt == endWord:
                        return depth + 1
                    if nxt in unvisited:
                        unvisited.remove(nxt)
                        queue.append((nxt, depth + 1))
        return 0
