# Counts up from 1: right answers, but far more than 30 guesses on the big tests.
n = int(input())
for g in range(1, n + 1):
    print("?", g, flush=True)
    if input().strip() == "=":
        break
