# Keeps the words in a set and a list, and answers startsWith by trying every stored word: O(words) each.
class Trie:
    def __init__(self):
        self.words = set()
        self.order = []

    def insert(self, word: str) -> None:
        if word not in self.words:
            self.words.add(word)
            self.order.append(word)

    def search(self, word: str) -> bool:
        return word in self.words

    def startsWith(self, prefix: str) -> bool:
        for word in self.order:
            if word.startswith(prefix):
                return True
        return False
