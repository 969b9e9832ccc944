# Updating an existing key changes its value but not its place in the recency order, so a key that was
# just written can be evicted as if it were old.
from collections import OrderedDict


class LRUCache:
    def __init__(self, capacity: int):
        self.capacity = capacity
        self.entries = OrderedDict()

    def get(self, key: int) -> int:
        if key not in self.entries:
            return -1
        self.entries.move_to_end(key)
        return self.entries[key]

    def put(self, key: int, value: int) -> None:
        if key in self.entries:
            self.entries[key] = value
            return
        self.entries[key] = value
        if len(self.entries) > self.capacity:
            self.entries.popitem(last=False)
