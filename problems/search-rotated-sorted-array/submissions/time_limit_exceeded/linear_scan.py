# Scans the whole shelf for every question: O(n) per lookup, O(n * q) in all.
class Solution:
    def search(self, nums: List[int], targets: List[int]) -> List[int]:
        answer = []
        for t in targets:
            found = -1
            for i in range(len(nums)):
                if nums[i] == t:
                    found = i
                    break
            answer.append(found)
        return answer
