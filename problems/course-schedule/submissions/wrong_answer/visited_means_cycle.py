# Wrong: one "visited" mark for everything, so reaching a course already checked from another branch
# (a diamond, not a cycle) is taken for a cycle.
class Solution:
    def canFinish(self, numCourses: int, prerequisites: List[List[int]]) -> bool:
        needs: List[List[int]] = [[] for _ in range(numCourses)]
        for course, before in prerequisites:
            needs[course].append(before)
        visited = [False] * numCourses
        for start in range(numCourses):
            if visited[start]:
                continue
            visited[start] = True
            stack = [start]
            while stack:
                c = stack.pop()
                for d in needs[c]:
                    if visited[d]:
                        return False
                    visited[d] = True
                    stack.append(d)
        return True
