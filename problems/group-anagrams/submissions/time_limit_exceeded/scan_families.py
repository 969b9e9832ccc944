# Looks for each word's family among all families found so far: O(n * families).
class Solution:
    def groupAnagrams(self, strs: List[str]) -> List[List[str]]:
        keys = []
        groups = []
        for word in strs:
            key = sorted(word)
            for i in range(len(keys)):
                if keys[i] == key:
                    groups[i].append(word)
                    break
            else:
                keys.append(key)
                groups.append([word])
        return groups
