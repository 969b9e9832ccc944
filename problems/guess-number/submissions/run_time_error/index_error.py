# An IndexError after the first answer (the validator is still waiting for the next guess).
n = int(input())
print("?", (n + 1) // 2, flush=True)
reply = input().strip()
print([][0] if reply != "=" else "", end="")
