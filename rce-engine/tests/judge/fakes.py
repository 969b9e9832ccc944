"""A scripted Box/Sandbox for pure unit tests of verdict logic (real runs use the real sandbox)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from rce_engine.sandbox.base import Box, Limits, RunRequest, RunResult, Sandbox, SandboxError


def run_result(
    *,
    exit_code: int | None = 0,
    signal: int | None = None,
    stdout: bytes = b"",
    stderr: bytes = b"",
    oom: bool = False,
    cpu_over: bool = False,
    wall_over: bool = False,
    output_over: bool = False,
    cpu: float = 0.01,
    wall: float | None = None,
    memory: int = 1 << 20,
) -> RunResult:
    return RunResult(
        exit_code=exit_code,
        signal=signal,
        cpu_time_s=cpu,
        wall_time_s=cpu + 0.001 if wall is None else wall,
        memory_bytes=memory,
        oom_killed=oom,
        cpu_limit_exceeded=cpu_over,
        wall_limit_exceeded=wall_over,
        output_limit_exceeded=output_over,
        stdout=stdout,
        stderr=stderr,
    )


Script = Callable[[Sequence[str], bytes], RunResult]


class FakeBox(Box):
    def __init__(self, script: Script, fail_on_run: int | None = None) -> None:
        super().__init__()
        self.files: dict[str, bytes] = {}
        self.runs: list[tuple[tuple[str, ...], Limits]] = []
        self.script = script
        self.fail_on_run = fail_on_run
        self.closed = False

    def _write_file(self, name: str, data: bytes, *, executable: bool) -> None:
        self.files[name] = data

    def _read_file(self, name: str, *, max_bytes: int) -> bytes | None:
        data = self.files.get(name)
        return data if data is not None and len(data) <= max_bytes else None

    def _run(self, request: RunRequest) -> RunResult:
        argv, limits, stdin = request.argv, request.limits, request.stdin
        self.runs.append((tuple(argv), limits))
        if self.fail_on_run is not None and len(self.runs) == self.fail_on_run:
            raise SandboxError("cgroup vanished")
        data = stdin.read_bytes() if isinstance(stdin, Path) else stdin
        if "-o" in argv:  # a compiler: leave the artifact behind
            self.files[argv[argv.index("-o") + 1]] = b"\x7fELF"
        return self.script(argv, data)

    def close(self) -> None:
        self.closed = True


class FakeSandbox(Sandbox):
    name = "fake"

    def __init__(self, script: Script, *, fail_on_run: int | None = None, fail_open: bool = False) -> None:
        self.script = script
        self.fail_on_run = fail_on_run
        self.fail_open = fail_open
        self.boxes: list[FakeBox] = []

    def check(self) -> None:
        pass

    @contextlib.contextmanager
    def open_box(self) -> Iterator[Box]:
        if self.fail_open:
            raise SandboxError("no free slot: helper missing")
        box = FakeBox(self.script, self.fail_on_run)
        self.boxes.append(box)
        try:
            yield box
        finally:
            box.close()
