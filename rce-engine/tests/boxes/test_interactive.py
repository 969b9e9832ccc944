"""Two boxes connected by pipes (rce_engine/sandbox/interactive.py), on each backend: each side keeps its
own limits, a deadlock ends at the program's wall limit, a flood is cut at the output limit, and an
early exit is an EOF for the other side, never a hang."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator

import pytest

from rce_engine.sandbox.base import MIB, Box, Limits, Sandbox
from rce_engine.sandbox.interactive import InteractiveResult, Side, run_interactive

PY = "/usr/bin/python3"
PROGRAM = Limits(cpu_time_s=1.0, wall_time_s=2.0, memory_bytes=128 * MIB, max_processes=8, output_bytes=MIB)
VALIDATOR = Limits(cpu_time_s=5.0, wall_time_s=6.0, memory_bytes=128 * MIB, max_processes=8, output_bytes=MIB)
ECHO_VALIDATOR = """
import sys
n = 0
for line in sys.stdin:
    print(int(line) + 1, flush=True)
    n += 1
print(n, file=sys.stderr)
sys.exit(42 if n == 1000 else 43)
"""


@pytest.fixture
def pair(sandbox: Sandbox) -> Iterator[tuple[Box, Box]]:
    with sandbox.open_box_pair() as boxes:
        yield boxes


def _run(pair: tuple[Box, Box], program: str, validator: str) -> tuple[InteractiveResult, float]:
    program_box, validator_box = pair
    program_box.write_file("p.py", program.encode())
    validator_box.write_file("v.py", validator.encode())
    started = time.monotonic()
    outcome = run_interactive(
        Side(program_box, [PY, "p.py"], PROGRAM), Side(validator_box, [PY, "v.py"], VALIDATOR)
    )
    return outcome, time.monotonic() - started


def _open_fds() -> set[str]:
    return set(os.listdir("/proc/self/fd"))


def test_a_thousand_round_trips_and_both_accountings(pair: tuple[Box, Box]) -> None:
    program = "for i in range(1000):\n    print(i, flush=True)\n    assert int(input()) == i + 1\n"
    _run(pair, program, ECHO_VALIDATOR)
    before = _open_fds()  # the boxes' own (cached kept files) are there after the first run
    outcome, took = _run(pair, program, ECHO_VALIDATOR)
    print(f"1000 round trips (python3 both sides) in {took:.3f} s")
    assert outcome.program.exit_code == 0, outcome.program.stderr
    assert outcome.validator.exit_code == 42
    assert outcome.validator.stderr == b"1000\n"  # each side's stderr is its own
    assert outcome.program.stdout == outcome.validator.stdout == b""
    assert not outcome.validator_first
    assert _open_fds() <= before  # every pipe end of the second run closed (a client may drop one)


def test_deadlock_ends_at_the_program_wall_limit(pair: tuple[Box, Box]) -> None:
    # Both read first: nobody writes. The program's wall limit ends it (no idleness limit in the way).
    outcome, took = _run(pair, "input()\n", "import sys\nsys.stdin.readline()\nsys.exit(43)\n")
    assert outcome.program.wall_limit_exceeded
    assert outcome.validator.exit_code == 43  # it saw EOF once the program was gone
    assert not outcome.validator_first
    assert took < PROGRAM.wall_time_s + 3


def test_flood_is_cut_at_the_output_limit(pair: tuple[Box, Box]) -> None:
    flood = "import sys\nwhile True:\n    sys.stdout.write('x' * 65536)\n"
    counter = "import sys\nn = len(sys.stdin.buffer.read())\nprint(n, file=sys.stderr)\nsys.exit(43)\n"
    outcome, _ = _run(pair, flood, counter)
    assert outcome.program.output_limit_exceeded
    assert int(outcome.validator.stderr) == PROGRAM.output_bytes  # exactly the limit passed the pipe


def test_validator_that_exits_first_is_first(pair: tuple[Box, Box]) -> None:
    # The validator quits at once; the program then blocks on a read that gets EOF and crashes.
    outcome, took = _run(pair, "input()\n", "import sys\nsys.exit(43)\n")
    assert outcome.validator_first
    assert outcome.program.exit_code == 1  # EOFError
    assert took < PROGRAM.wall_time_s


def test_program_that_exits_early_is_an_eof_for_the_validator(pair: tuple[Box, Box]) -> None:
    outcome, took = _run(pair, "pass\n", ECHO_VALIDATOR)
    assert outcome.program.exit_code == 0
    assert outcome.validator.exit_code == 43
    assert not outcome.validator_first
    assert took < PROGRAM.wall_time_s
