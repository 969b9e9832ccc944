"""The one interface every sandbox backend implements (native bubblewrap+cgroups, docker).

A *box* lives for one submission: the compiler and every test run inside the same box, each run with
its own limits and its own accounting. Backends know nothing about languages or verdicts; they report
what happened (exit status, resources, which limit tripped) and the judge turns that into a verdict.
"""

from __future__ import annotations

import abc
import signal as _signal
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from pathlib import Path

KIB = 1024
MIB = 1024 * KIB

# Environment every run gets unless the caller adds to it: nothing from the worker leaks in (threat 25).
BASE_ENV: Mapping[str, str] = {
    "PATH": "/usr/local/bin:/usr/bin:/bin",
    "HOME": "/box",
    "TMPDIR": "/tmp",  # noqa: S108 - the box's own private /tmp, not the host's
    "LANG": "C.UTF-8",
    "LC_ALL": "C.UTF-8",
}

# Where the work directory appears inside every box; run argv and file names are relative to it.
BOX_DIR = "/box"


class SandboxError(Exception):
    """The sandbox itself failed (not the program): the judge reports an internal error (IE)."""


@dataclass(frozen=True, slots=True)
class Limits:
    """Limits of one run (a compile or one test)."""

    cpu_time_s: float  # CPU time over every process and thread of the run
    wall_time_s: float  # wall clock from start to the last process gone
    memory_bytes: int  # memory + swap of every process of the run (cgroup limit); also the stack rlimit
    max_processes: int  # processes + threads alive at once (pids limit)
    output_bytes: int  # bytes the run may write to stdout (and to any single file)
    stderr_bytes: int = 64 * KIB  # how much stderr is kept (the rest is read and dropped)
    max_open_files: int = 64


@dataclass(frozen=True, slots=True)
class RunResult:
    """What happened in one run, from the sandbox's own accounting (never from the program's output)."""

    exit_code: int | None  # set when the process exited normally
    signal: int | None  # set when it was killed by a signal (SIGKILL when the sandbox killed it)
    cpu_time_s: float
    wall_time_s: float
    memory_bytes: int  # peak memory of the run, from the cgroup
    oom_killed: bool  # the cgroup's OOM killer fired during this run
    cpu_limit_exceeded: bool  # CPU time over the limit (killed by the sandbox, or SIGXCPU)
    wall_limit_exceeded: bool  # killed at the wall deadline
    output_limit_exceeded: bool  # stdout over the limit, or SIGXFSZ
    stdout: bytes  # at most Limits.output_bytes
    stderr: bytes  # at most Limits.stderr_bytes

    @property
    def ok(self) -> bool:
        return (
            self.exit_code == 0
            and not self.oom_killed
            and not self.cpu_limit_exceeded
            and not self.wall_limit_exceeded
            and not self.output_limit_exceeded
        )

    @property
    def signal_name(self) -> str | None:
        if self.signal is None:
            return None
        try:
            return _signal.Signals(self.signal).name
        except ValueError:
            return f"signal {self.signal}"


class Box(abc.ABC):
    """A fresh, private work directory (`BOX_DIR`) plus the means to run commands in it.

    The host never reads or writes the box directory through paths the program could have replaced
    with links (docs/threat-model.md rule 1); files move in and out through these methods only.
    """

    @abc.abstractmethod
    def write_file(self, name: str, data: bytes, *, executable: bool = False) -> None:
        """Create `BOX_DIR/name` (a plain name, no slashes) with `data`."""

    @abc.abstractmethod
    def read_file(self, name: str, *, max_bytes: int) -> bytes | None:
        """Return `BOX_DIR/name` if it is a regular file of at most `max_bytes`, else None."""

    @abc.abstractmethod
    def run(
        self,
        argv: Sequence[str],
        *,
        limits: Limits,
        stdin: bytes | Path = b"",
        env: Mapping[str, str] | None = None,
    ) -> RunResult:
        """Run `argv` in the box with cwd `BOX_DIR`; `stdin` is bytes or a host file opened read-only.

        `env` is added to `BASE_ENV`. Every process the run started is gone when this returns.
        A program that cannot be executed is `exit_code == 127` with a message on stderr (like a shell):
        an earlier test may have deleted it. Raises SandboxError only when the sandbox itself failed.
        """

    @abc.abstractmethod
    def close(self) -> None:
        """Kill everything left in the box and delete it. Safe to call twice."""

    def __enter__(self) -> Box:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Sandbox(abc.ABC):
    """A backend: hands out boxes, at most `slots` at once."""

    name: str

    @abc.abstractmethod
    def check(self) -> None:
        """Start-up check: raise SandboxError if this host cannot enforce the limits."""

    @abc.abstractmethod
    def open_box(self) -> AbstractContextManager[Box]:
        """A fresh box for one submission; blocks while every slot is busy."""

    def toolchain_id(self) -> str | None:
        """What identifies the compilers and runtimes inside this backend's boxes, when they are not the
        host's own (e.g. a container image's id); the binary cache keys on it. None: the boxes run the
        host's /usr, so the host's compiler version is the truth. Cheap after the first call."""
        return None
