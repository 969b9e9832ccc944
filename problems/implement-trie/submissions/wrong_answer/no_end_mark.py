# Never marks where a word ends, so search("car") is true as soon as "card" was inserted.
class Trie:
    def __init__(self):
        self.root = {}

    def insert(self, word: str) -> None:
        node = self.root
        for c in word:
            node = node.setdefault(c, {})

    def _walk(self, text: str):
        node = self.root
        for c in text:
            node = node.get(c)
            if node is None:
                return None
        return node

    def search(self, word: str) -> bool:
        return self._walk(word) is not None

    def startsWith(self, prefix: str) -> bool:
        return self._walk(prefix) is not None
