# Pops on an equal temperature too, so a day with the same reading counts as "warmer".
class Solution:
    def dailyTemperatures(self, temperatures: List[int]) -> List[int]:
        answer = [0] * len(temperatures)
        stack = []
        for i, t in enumerate(temperatures):
            while stack and temperatures[stack[-1]] <= t:
                j = stack.pop()
                answer[j] = i - j
            stack.append(i)
        return answer
