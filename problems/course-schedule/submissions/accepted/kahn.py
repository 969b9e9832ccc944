class Solution:
    def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
        unlocks: List[List[int]] = [[] for _ in range(numCourses)]
        waiting = [0] * numCourses
        for course, before in prerequisites:
            unlocks[before].append(course)
            waiting[course] += 1
        ready = [c for c in range(numCourses) if waiting[c] == 0]
        taken = 0
        while ready:
            course = ready.pop()
            taken += 1
            for nxt in unlocks[course]:
                waiting[nxt] -= 1
                if waiting[nxt] == 0:
                    ready.append(nxt)
        return taken == numCourses
