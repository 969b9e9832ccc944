from collections import deque


class Solution:
    def ladderLength(self, beginWord: str, endWord: str, wordList: List[str]) -> int:
        unvisited = set(wordList)
        if endWord not in unvisited:
            return 0
        unvisited.discard(beginWord)
        letters = "abcdefghijklmnopqrstuvwxyz"
        queue = deque([(beginWord, 1)])
        while queue:
            word, depth = queue.popleft()
            for i in range(len(word)):
                head, tail = word[:i], word[i + 1 :]
                for ch in letters:
                    nxt = head + ch + tail
                    if nxt in unvisited:
                        if nxt == endWord:
                            return depth + 1
                        unvisited.remove(nxt)
                        queue.append((nxt, depth + 1))
        return 0
