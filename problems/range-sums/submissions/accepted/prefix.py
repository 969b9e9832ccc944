import itertools
import sys


def main() -> None:
    data = sys.stdin.buffer.read().split()
    n, q = int(data[0]), int(data[1])
    prefix = [0, *itertools.accumulate(map(int, data[2 : 2 + n]))]
    bounds = data[2 + n :]
    out = [prefix[int(bounds[2 * k + 1])] - prefix[int(bounds[2 * k]) - 1] for k in range(q)]
    sys.stdout.write("\n".join(map(str, out)) + "\n")


main()
