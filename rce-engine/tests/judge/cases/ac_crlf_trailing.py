import sys

a, b = map(int, sys.stdin.read().split())
sys.stdout.write(f"  {a + b}  \r\n\r\n\r\n")
