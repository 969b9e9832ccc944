"""The one interface every sandbox backend implements (native bubblewrap+cgroups, docker).

A *box* lives for one submission: the compiler and every test run inside the same box, each run with
its own limits and its own accounting. Backends know nothing about languages or verdicts; they report
what happened (exit status, resources, which limit tripped) and the judge turns that into a verdict.

`Box` is the one contract: its concrete `write_file`, `read_file` and `run` check what the caller asked
for (plain names, argv and environment without NUL bytes, the environment built on `BASE_ENV`) and
remember which files must survive a fresh run; a backend implements only the hooks `_write_file`,
`_read_file` and `_run` (the model of DMOJ's base_executor: launch in the base, hooks in subclasses).
"""

from __future__ import annotations

import abc
import contextlib
import math
import os
import signal as _signal
from collections.abc import Mapping, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from pathlib import Path

from rce_engine.sandbox.wire import BOX_DIR as BOX_DIR

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

# A file name in the box: one path component, as the kernel allows it.
MAX_NAME_BYTES = 255


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
    # A run whose CPU time stands still this long (sleeping, blocked) is ended as over its wall limit;
    # None: only the wall limit ends it. Native backend only (docs/adr/0093-idleness-limit.md).
    idle_time_s: float | None = None


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
    # time.monotonic() when the run ended as its peer sees it: when its stdout `Stream` reached EOF (the
    # program exited or closed it) or was cut at the limit, else when the host learned of the exit (0.0:
    # not recorded). An interactive run compares the two sides' to tell who ended first.
    ended_at: float = 0.0
    # When writing to its stdout `Stream` first failed because the reader had gone: the reader (the peer)
    # had ended by then (math.inf: never happened). Bounds the peer's end where its own stamp comes late.
    reader_gone_at: float = math.inf

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


def close_streams(*streams: object) -> None:
    """Close the fds of the `Stream`s among `streams` (a run's ends, on every path out of it)."""
    for stream in streams:
        if isinstance(stream, Stream) and stream.fd >= 0:
            with contextlib.suppress(OSError):
                os.close(stream.fd)


def check_name(name: str) -> str:
    """A plain file name in the box: no slash, not `.`/`..`, no NUL, at most 255 bytes."""
    raw = name.encode(errors="surrogateescape")
    if not raw or b"/" in raw or b"\0" in raw or name in (".", "..") or len(raw) > MAX_NAME_BYTES:
        raise SandboxError(f"not a plain file name: {name!r}")
    return name


def _check_arg(value: str, what: str) -> str:
    if "\0" in value:
        raise SandboxError(f"{what} contains a NUL byte")
    return value


@dataclass(frozen=True, slots=True)
class KeptFile:
    """A file the host put into the box (or took out of it): a fresh run starts with exactly these bytes."""

    data: bytes
    executable: bool


@dataclass(frozen=True, slots=True)
class Stream:
    """A host pipe end a run reads its stdin from or writes its stdout to (interactive runs, see
    `rce_engine.sandbox.interactive`). The run owns `fd` from the call on: the backend closes it as soon
    as the program holds its own end (so that EOF reaches the other side when the program is gone), and
    on every error. A stdout stream carries at most `Limits.output_bytes`: past that the backend closes
    it (the reader sees EOF, the program a broken pipe) and reports `output_limit_exceeded`."""

    fd: int


@dataclass(frozen=True, slots=True)
class RunRequest:
    """One run, checked: what a backend's `_run` hook gets from `Box.run`."""

    argv: tuple[str, ...]
    env: Mapping[str, str]  # BASE_ENV plus the caller's additions
    limits: Limits
    stdin: bytes | Path | Stream
    # Start from a clean box: /tmp and /dev/shm empty, /box holding only `kept` (threat-model.md #46).
    fresh: bool = False
    kept: Mapping[str, KeptFile] = field(default_factory=dict)
    stdout: Stream | None = None  # None: captured into RunResult.stdout

    @classmethod
    def build(
        cls,
        argv: Sequence[str],
        *,
        limits: Limits,
        stdin: bytes | Path | Stream = b"",
        env: Mapping[str, str] | None = None,
        fresh: bool = False,
        kept: Mapping[str, KeptFile] | None = None,
        stdout: Stream | None = None,
    ) -> RunRequest:
        """Refuses (SandboxError) an empty argv, NUL bytes, environment names that are empty or hold `=`."""
        if not argv:
            raise SandboxError("empty argv")
        full_env = {**BASE_ENV, **(env or {})}
        for key, value in full_env.items():
            if not key or "=" in key or "\0" in key:
                raise SandboxError(f"bad environment variable name {key!r}")
            _check_arg(value, "environment")
        return cls(
            argv=tuple(_check_arg(a, "argv") for a in argv),
            env=full_env,
            limits=limits,
            stdin=stdin,
            fresh=fresh,
            kept=dict(kept or {}),
            stdout=stdout,
        )


class Box(abc.ABC):
    """A fresh, private work directory (`BOX_DIR`) plus the means to run commands in it.

    The host never reads or writes the box directory through paths the program could have replaced
    with links (threat-model.md rule 1); files move in and out through these methods only.
    """

    def __init__(self) -> None:
        # What write_file put in and read_file took out: the files a fresh run starts with.
        self._kept: dict[str, KeptFile] = {}

    def write_file(self, name: str, data: bytes, *, executable: bool = False) -> None:
        """Create `BOX_DIR/name` (a plain name, no slashes) with `data`."""
        check_name(name)
        data = bytes(data)
        self._write_file(name, data, executable=executable)
        self._kept[name] = KeptFile(data, executable)

    def read_file(self, name: str, *, max_bytes: int, keep: bool = True) -> bytes | None:
        """Return `BOX_DIR/name` if it is a regular file of at most `max_bytes`, else None.

        A file read out (the compile's output) is kept for fresh runs, as executable unless it was
        written as data: an executable bit on a data file gives a program nothing in its own box.
        `keep=False`: only look (a validator's feedback file must not reappear in the next test)."""
        check_name(name)
        data = self._read_file(name, max_bytes=max_bytes)
        if data is not None and keep:
            previous = self._kept.get(name)
            self._kept[name] = KeptFile(data, previous.executable if previous else True)
        return data

    def run(
        self,
        argv: Sequence[str],
        *,
        limits: Limits,
        stdin: bytes | Path | Stream = b"",
        env: Mapping[str, str] | None = None,
        fresh: bool = False,
        stdout: Stream | None = None,
    ) -> RunResult:
        """Run `argv` in the box with cwd `BOX_DIR`; `stdin` is bytes or a host file opened read-only.

        `env` is added to `BASE_ENV`. Every process the run started is gone when this returns.
        `fresh`: the run starts with empty /tmp and /dev/shm and a `BOX_DIR` that holds only what
        `write_file` put in and `read_file` took out, with those bytes, so nothing passes from one test to
        the next (threat-model.md #46). The judge asks for it on every test; compile steps share state.
        A program that cannot be executed is `exit_code == 127` with a message on stderr (like a shell):
        an earlier test may have deleted it. Raises SandboxError only when the sandbox itself failed.
        `stdin`/`stdout` may be `Stream`s (host pipe ends, owned by the run from here on): then the run
        talks to whatever holds the other ends, and `RunResult.stdout` is empty.
        """
        try:
            request = RunRequest.build(
                argv, limits=limits, stdin=stdin, env=env, fresh=fresh, kept=self._kept, stdout=stdout
            )
        except BaseException:
            close_streams(stdin, stdout)
            raise
        return self._run(request)

    @abc.abstractmethod
    def _write_file(self, name: str, data: bytes, *, executable: bool) -> None:
        """Backend hook of `write_file`; `name` is already checked."""

    @abc.abstractmethod
    def _read_file(self, name: str, *, max_bytes: int) -> bytes | None:
        """Backend hook of `read_file`; `name` is already checked."""

    @abc.abstractmethod
    def _run(self, request: RunRequest) -> RunResult:
        """Backend hook of `run`: start `request.argv` (after a reset when `request.fresh`)."""

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

    def open_box_pair(self) -> AbstractContextManager[tuple[Box, Box]]:
        """Two boxes at once (an interactive run: the program's and the validator's), taken together so
        that workers each holding one box can never wait on each other for a second (no hold-and-wait).
        Needs at least two slots."""
        raise SandboxError(f"the {self.name} sandbox cannot open two boxes at once")

    def toolchain_id(self) -> str | None:
        """What identifies the compilers and runtimes inside this backend's boxes, when they are not the
        host's own (e.g. a container image's id); the binary cache keys on it. None: the boxes run the
        host's /usr, so the host's compiler version is the truth. Cheap after the first call."""
        return None
