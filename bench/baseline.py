"""The baseline every sandbox figure is a ratio against: a bare fork+exec of one trivial static program.

Shared by the sandbox benchmarks so that native and docker are measured against exactly the same floor.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

PROGRAM = b'#include <unistd.h>\nint main(void) { write(1, "ok\\n", 3); return 0; }\n'


def build_program(directory: Path) -> Path:
    """Compile PROGRAM statically (no dynamic loader in the way) into `directory`; returns the binary."""
    source, binary = directory / "ok.c", directory / "ok"
    source.write_bytes(PROGRAM)
    subprocess.run(["gcc", "-static", "-O2", "-o", str(binary), str(source)], check=True)
    return binary


def bare_spawn(path: str, runs: int) -> list[float]:
    """fork+exec+wait with stdout to /dev/null: the floor any sandbox is compared against."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        pid = os.posix_spawn(path, [path], {}, file_actions=[(os.POSIX_SPAWN_DUP2, devnull, 1)])
        os.waitpid(pid, 0)
        times.append(time.perf_counter() - t)
    os.close(devnull)
    return times
