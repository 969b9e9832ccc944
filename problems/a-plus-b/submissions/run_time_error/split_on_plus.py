# Splits "1 2" on "+": one field, so the unpacking raises an uncaught ValueError on the first sample.
a, b = map(int, input().split("+"))
print(a + b)
