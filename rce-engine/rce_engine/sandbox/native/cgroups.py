"""Per-box and per-run cgroups (v1 or v2, whichever the host has) for limits and accounting.

Layout: a box cgroup holds bubblewrap and the box init; every run gets a fresh child cgroup that
the program joins itself between fork and exec, through fds on its cgroup.procs files that the host
opened as root. The init never enters it (the run's OOM killer cannot pick it), and one run's memory
(including pages it left in the box's tmpfs) never counts against the next run. v1 keeps pids and CPU
at box level (bwrap and the idle init are subtracted) and only memory per run.
"""

from __future__ import annotations

import abc
import contextlib
import errno
import os
import signal
import time
from dataclasses import dataclass
from pathlib import Path

from rce_engine.sandbox.base import SandboxError

CGROUP_MOUNT = Path("/sys/fs/cgroup")
PARENT = "algocode"


@dataclass(frozen=True, slots=True)
class RunStats:
    cpu_ns: int
    peak_bytes: int
    oom_kills: int


def _write(path: Path, value: str | int) -> None:
    try:
        # O_TRUNC as a shell's `>` does: harmless on cgroupfs, right on the fake trees of the unit tests.
        fd = os.open(path, os.O_WRONLY | os.O_TRUNC | os.O_CLOEXEC)
        try:
            os.write(fd, str(value).encode())
        finally:
            os.close(fd)
    except OSError as exc:
        raise SandboxError(f"cgroup write {path} = {value}: {exc}") from exc


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except OSError as exc:
        raise SandboxError(f"cgroup read {path}: {exc}") from exc


def _mkdir(path: Path, *, exist_ok: bool = False) -> None:
    """Create one cgroup (a seam: the v2 unit tests populate a fake tree here)."""
    try:
        path.mkdir()
    except FileExistsError:
        if not exist_ok:
            raise SandboxError(f"cgroup {path} exists already") from None
    except OSError as exc:
        raise SandboxError(f"cannot create cgroup {path}: {exc}") from exc


def _rmdir(path: Path) -> None:
    os.rmdir(path)


def _keyed(text: str, key: str) -> int:
    for line in text.splitlines():
        name, _, value = line.partition(" ")
        if name == key:
            return int(value)
    return 0


def _kill_and_remove(path: Path) -> None:
    """Remove a (stale) cgroup tree: kill what is left in it, then rmdir bottom-up."""
    if not path.is_dir():
        return
    for child in sorted((p for p in path.rglob("*") if p.is_dir()), key=lambda p: len(p.parts), reverse=True):
        _kill_and_remove_one(child)
    _kill_and_remove_one(path)


def _kill_and_remove_one(path: Path) -> None:
    deadline = time.monotonic() + 5
    while True:
        with contextlib.suppress(OSError):
            for pid in (path / "cgroup.procs").read_text().split():
                with contextlib.suppress(ProcessLookupError):
                    os.kill(int(pid), signal.SIGKILL)
        try:
            _rmdir(path)
            return
        except FileNotFoundError:
            return
        except OSError as exc:
            # EBUSY while the killed processes are still exiting.
            if exc.errno != errno.EBUSY or time.monotonic() > deadline:
                raise SandboxError(f"cannot remove cgroup {path}: {exc}") from exc
            time.sleep(0.002)


class BoxCgroup(abc.ABC):
    """The cgroups of one box."""

    # cgroup.procs files the launcher writes its own pid into before exec'ing bubblewrap
    join_files: list[Path]
    # False when the host has no usable cgroups (development only): no limits, no polling
    enforces: bool = True

    @abc.abstractmethod
    def start_run(self, *, memory_bytes: int, max_processes: int) -> list[Path]:
        """Prepare the run's cgroups; returns the cgroup.procs files the program must join."""

    @abc.abstractmethod
    def cpu_ns(self) -> int | None:
        """CPU time of the current run so far (polled to enforce the CPU limit); None if unknown."""

    @abc.abstractmethod
    def finish_run(self) -> RunStats | None: ...

    @abc.abstractmethod
    def destroy(self) -> None: ...


class CgroupDriver(abc.ABC):
    version: str

    @abc.abstractmethod
    def create_box(self, name: str) -> BoxCgroup: ...

    @abc.abstractmethod
    def problems(self) -> list[str]:
        """Why this host cannot enforce memory and pids limits (empty when it can)."""


# ---- cgroup v1 ---------------------------------------------------------------------------------


class V1Driver(CgroupDriver):
    version = "v1"

    def __init__(self, mount: Path = CGROUP_MOUNT) -> None:
        self.mount = mount

    @classmethod
    def available(cls, mount: Path = CGROUP_MOUNT) -> bool:
        return (mount / "memory" / "memory.limit_in_bytes").is_file()

    def problems(self) -> list[str]:
        out = []
        if not (self.mount / "memory" / "memory.limit_in_bytes").is_file():
            out.append("cgroup v1 memory controller not mounted")
        if not (self.mount / "pids").is_dir():
            out.append("cgroup v1 pids controller not mounted")
        if not (self.mount / "cpuacct" / "cpuacct.usage").is_file():
            out.append("cgroup v1 cpuacct controller not mounted")
        return out

    def create_box(self, name: str) -> BoxCgroup:
        return V1Box(self.mount, name)


class V1Box(BoxCgroup):
    def __init__(self, mount: Path, name: str) -> None:
        self.memory = mount / "memory" / PARENT / name
        self.pids = mount / "pids" / PARENT / name
        self.cpuacct = mount / "cpuacct" / PARENT / name
        self.run_memory = self.memory / "run"
        for path in (self.memory, self.pids, self.cpuacct):
            _kill_and_remove(path)  # left by a crashed worker that held this slot
            if not path.parent.is_dir():
                _mkdir(path.parent, exist_ok=True)  # another worker may create it at the same time
            _mkdir(path)
        self.join_files = [p / "cgroup.procs" for p in (self.memory, self.pids, self.cpuacct)]
        self._memsw = (self.memory / "memory.memsw.limit_in_bytes").exists()
        self._cpu_fd = os.open(self.cpuacct / "cpuacct.usage", os.O_RDONLY | os.O_CLOEXEC)
        self._cpu_start = 0

    def _usage(self) -> int:
        return int(os.pread(self._cpu_fd, 64, 0))

    def start_run(self, *, memory_bytes: int, max_processes: int) -> list[Path]:
        # Between runs only bwrap and the init are in the box: they do not count against the limit.
        idle = int(_read(self.pids / "pids.current"))
        _write(self.pids / "pids.max", idle + max_processes)
        _kill_and_remove_one(self.run_memory)
        _mkdir(self.run_memory)
        _write(self.run_memory / "memory.limit_in_bytes", memory_bytes)
        if self._memsw:
            _write(self.run_memory / "memory.memsw.limit_in_bytes", memory_bytes)
        self._cpu_start = self._usage()
        return [self.run_memory / "cgroup.procs"]

    def cpu_ns(self) -> int | None:
        return self._usage() - self._cpu_start

    def finish_run(self) -> RunStats:
        cpu = self._usage() - self._cpu_start
        peak = int(_read(self.run_memory / "memory.max_usage_in_bytes"))
        if self._memsw:
            peak = max(peak, int(_read(self.run_memory / "memory.memsw.max_usage_in_bytes")))
        ooms = _keyed(_read(self.run_memory / "memory.oom_control"), "oom_kill")
        _kill_and_remove_one(self.run_memory)
        return RunStats(cpu_ns=cpu, peak_bytes=peak, oom_kills=ooms)

    def destroy(self) -> None:
        with contextlib.suppress(OSError):
            os.close(self._cpu_fd)
        for path in (self.memory, self.pids, self.cpuacct):
            _kill_and_remove(path)


# ---- cgroup v2 ---------------------------------------------------------------------------------


class V2Driver(CgroupDriver):
    """Unified hierarchy. Not exercised on the development machines (v1 there); unit-tested on a fake tree."""

    version = "v2"
    CONTROLLERS = ("memory", "pids")

    def __init__(self, mount: Path = CGROUP_MOUNT) -> None:
        self.mount = mount

    @classmethod
    def available(cls, mount: Path = CGROUP_MOUNT) -> bool:
        controllers = mount / "cgroup.controllers"
        return controllers.is_file() and {"memory", "pids"} <= set(controllers.read_text().split())

    def problems(self) -> list[str]:
        controllers = self.mount / "cgroup.controllers"
        have = set(controllers.read_text().split()) if controllers.is_file() else set()
        return [f"cgroup v2 {c} controller not available" for c in self.CONTROLLERS if c not in have]

    def _enable(self, path: Path) -> None:
        control = path / "cgroup.subtree_control"
        enabled = set(_read(control).split()) if control.exists() else set()
        missing = [c for c in self.CONTROLLERS if c not in enabled]
        if missing:
            _write(control, " ".join(f"+{c}" for c in missing))

    def create_box(self, name: str) -> BoxCgroup:
        parent = self.mount / PARENT
        if not parent.is_dir():
            _mkdir(parent, exist_ok=True)
        self._enable(self.mount)
        self._enable(parent)
        return V2Box(self, parent / name)


class V2Box(BoxCgroup):
    # v2 forbids processes in a cgroup whose children have controllers: bwrap and the init live
    # in box/init, each run in box/run.
    def __init__(self, driver: V2Driver, path: Path) -> None:
        self.path = path
        self.idle = path / "init"
        self.run = path / "run"
        _kill_and_remove(path)
        _mkdir(path)
        driver._enable(path)
        _mkdir(self.idle)
        self.join_files = [self.idle / "cgroup.procs"]

    def start_run(self, *, memory_bytes: int, max_processes: int) -> list[Path]:
        _kill_and_remove_one(self.run)
        _mkdir(self.run)
        _write(self.run / "memory.max", memory_bytes)
        if (self.run / "memory.swap.max").exists():
            _write(self.run / "memory.swap.max", 0)  # v2 limits swap separately: memory+swap = memory
        _write(self.run / "pids.max", max_processes)
        return [self.run / "cgroup.procs"]

    def _cpu(self) -> int:
        return _keyed(_read(self.run / "cpu.stat"), "usage_usec") * 1000

    def cpu_ns(self) -> int | None:
        return self._cpu()

    def finish_run(self) -> RunStats:
        cpu = self._cpu()
        # A fresh cgroup per run, so memory.peak needs no reset (writable only on kernels >= 6.12).
        peak_file = self.run / "memory.peak"
        peak = int(_read(peak_file)) if peak_file.exists() else int(_read(self.run / "memory.current"))
        ooms = _keyed(_read(self.run / "memory.events"), "oom_kill")
        _kill_and_remove_one(self.run)
        return RunStats(cpu_ns=cpu, peak_bytes=peak, oom_kills=ooms)

    def destroy(self) -> None:
        _kill_and_remove(self.path)


# ---- no cgroups (development only) --------------------------------------------------------------


class NoDriver(CgroupDriver):
    version = "none"

    def problems(self) -> list[str]:
        return ["no usable cgroup hierarchy (neither v1 memory+pids nor v2 with memory and pids)"]

    def create_box(self, name: str) -> BoxCgroup:
        return NoBox()


class NoBox(BoxCgroup):
    enforces = False

    def __init__(self) -> None:
        self.join_files = []

    def start_run(self, *, memory_bytes: int, max_processes: int) -> list[Path]:
        return []

    def cpu_ns(self) -> int | None:
        return None

    def finish_run(self) -> RunStats | None:
        return None

    def destroy(self) -> None:
        return None


def detect_driver(mount: Path = CGROUP_MOUNT) -> CgroupDriver:
    """v1 when its memory controller is mounted (hybrid hosts too), else v2 with memory+pids, else none."""
    if V1Driver.available(mount):
        return V1Driver(mount)
    if V2Driver.available(mount):
        return V2Driver(mount)
    return NoDriver()
