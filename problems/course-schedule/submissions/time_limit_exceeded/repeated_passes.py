# Correct, but each round rescans every rule to find the courses that can be taken now: O(courses * rules)
# on a long chain.
class Solution:
    def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
        done = [False] * numCourses
        left = numCourses
        while left:
            blocked = [False] * numCourses
            for course, before in prerequisites:
                if not done[before]:
                    blocked[course] = True
            free = [c for c in range(numCourses) if not done[c] and not blocked[c]]
            if not free:
                return False
            for c in free:
                done[c] = True
            left -= len(free)
        return True
