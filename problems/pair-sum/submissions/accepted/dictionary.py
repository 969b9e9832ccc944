import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, x = int(data[0]), int(data[1])
    seen = {}
    for index in range(1, n + 1):
        value = int(data[1 + index])
        if x - value in seen:
            print(index, seen[x - value])  # the later position first: any order is fine
            return
        seen.setdefault(value, index)
    print(-1)


main()
