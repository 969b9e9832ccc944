# Stamps every use with a counter and, to evict, scans all entries for the oldest stamp: O(capacity) per
# eviction.
class LRUCache:
    def __init__(self, capacity: int):
        self.capacity = capacity
        self.values = {}
        self.used = {}
        self.clock = 0

    def get(self, key: int) -> int:
        if key not in self.values:
            return -1
        self.clock += 1
        self.used[key] = self.clock
        return self.values[key]

    def put(self, key: int, value: int) -> None:
        if key not in self.values and len(self.values) == self.capacity:
            oldest = None
            for k, stamp in self.used.items():
                if oldest is None or stamp < self.used[oldest]:
                    oldest = k
            del self.values[oldest]
            del self.used[oldest]
        self.clock += 1
        self.values[key] = value
        self.used[key] = self.clock
