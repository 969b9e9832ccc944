# Keys each word by the set of its letters, forgetting how often each letter occurs ("aab" ~ "abb").
class Solution:
    def groupAnagrams(self, strs: List[str]) -> List[List[str]]:
        groups = {}
        for word in strs:
            groups.setdefault("".join(sorted(set(word))), []).append(word)
        return list(groups.values())
