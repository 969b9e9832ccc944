"""NativeSandbox: hands out boxes on slots (one unprivileged uid each), exclusive across processes."""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import shutil
import stat
import threading
import weakref
from collections.abc import Iterator
from pathlib import Path

from rce_engine.conf import JudgeConfig
from rce_engine.sandbox.base import MIB, Box, Limits, Sandbox, SandboxError
from rce_engine.sandbox.native import seccomp
from rce_engine.sandbox.native.box import BoxSpec, NativeBox, machinery
from rce_engine.sandbox.native.cgroups import CgroupDriver, NoDriver, detect_driver
from rce_engine.sandbox.native.helper import build_helper, prepare_home
from rce_engine.sandbox.native.ro_files import ReadOnlyFiles

_SLOT_WAIT_S = 0.05
_CHECK_LIMITS = Limits(cpu_time_s=2, wall_time_s=5, memory_bytes=64 * MIB, max_processes=8, output_bytes=MIB)


class NativeSandbox(Sandbox):
    """bubblewrap + cgroups + seccomp; see docs/sandbox.md."""

    name = "native"

    def __init__(
        self,
        config: JudgeConfig,
        *,
        cgroups: CgroupDriver | None = None,
        host_paths: tuple[tuple[str, str], ...] | None = None,
    ) -> None:
        self.config = config
        if host_paths is None:
            # What the languages' toolchains need in a box (their declarations, not this backend's).
            from rce_engine.languages import host_paths as language_host_paths

            host_paths = language_host_paths()
        self.host_paths = host_paths
        self.cgroups = cgroups or detect_driver()
        self._cond = threading.Condition()
        self._busy: dict[int, int] = {}  # slot -> fd holding its flock
        ref = weakref.ref(self)

        def after_fork() -> None:
            if (sandbox := ref()) is not None:
                sandbox._after_fork()

        os.register_at_fork(after_in_child=after_fork)
        # Cgroup names carry a tag of the judge home so two homes on one host never touch each other's.
        self.cgroup_tag = hashlib.sha256(str(config.home.resolve()).encode()).hexdigest()[:8]
        self._helper: Path | None = None
        self.ro_files = ReadOnlyFiles(config.home)  # <home>/ro on a tmpfs of its own (threat-model.md #47)

    def _ensure_ready(self) -> Path:
        if self._helper is None:
            if os.geteuid() != 0:
                raise SandboxError("the native sandbox must run as root (it drops to a slot uid per box)")
            prepare_home(self.config)
            _check_ro_reachable(self.config.home / "ro")
            self._helper = build_helper(self.config)
        return self._helper

    @machinery
    def check(self) -> None:
        if shutil.which(self.config.bwrap) is None:
            raise SandboxError(f"bubblewrap not found at {self.config.bwrap} (apt-get install bubblewrap)")
        problems = self.cgroups.problems()
        if problems and not self.config.allow_no_cgroup_limits:
            raise SandboxError(
                "cannot enforce memory/pids limits: "
                + "; ".join(problems)
                + " (ALGOCODE_ALLOW_NO_CGROUP_LIMITS=1 runs without them, unsafe)"
            )
        if problems:
            self.cgroups = NoDriver()
        seccomp.filter_bpf()
        self._ensure_ready()
        with self.open_box() as box:
            result = box.run(["/usr/bin/true"], limits=_CHECK_LIMITS)
            if result.exit_code != 0:
                raise SandboxError(f"a trivial program failed in the sandbox: {result}")

    def _try_slot(self, slot: int) -> int | None:
        """Lock slot `slot` across processes; returns the lock fd or None if another process holds it."""
        path = self.config.home / "slots" / f"{slot}.lock"
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC | os.O_NOFOLLOW, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return None
        return fd

    def _acquire(self) -> tuple[int, int]:
        with self._cond:
            while True:
                for slot in range(self.config.slots):
                    if slot in self._busy:
                        continue
                    fd = self._try_slot(slot)
                    if fd is not None:
                        self._busy[slot] = fd
                        return slot, fd
                # Another process may free a slot without telling us: poll as well as wait.
                self._cond.wait(timeout=_SLOT_WAIT_S)

    def _acquire_pair(self) -> list[tuple[int, int]]:
        """Two slots at once, or none held while waiting: two workers that each hold one slot and wait
        for a second (in this process or another) would wait for ever."""
        if self.config.slots < 2:
            raise SandboxError("an interactive run needs two boxes at once: set ALGOCODE_SLOTS to 2 or more")
        with self._cond:
            while True:
                got: list[tuple[int, int]] = []
                for slot in range(self.config.slots):
                    if slot in self._busy:
                        continue
                    fd = self._try_slot(slot)
                    if fd is not None:
                        got.append((slot, fd))
                        if len(got) == 2:
                            for held_slot, held_fd in got:
                                self._busy[held_slot] = held_fd
                            return got
                for _slot, fd in got:
                    os.close(fd)  # drops the flock: never hold one while waiting for the other
                self._cond.wait(timeout=_SLOT_WAIT_S)

    def _release(self, slot: int, fd: int) -> None:
        with self._cond:
            if self._busy.get(slot) == fd:
                del self._busy[slot]
                os.close(fd)  # drops the flock
            self._cond.notify()

    def _after_fork(self) -> None:
        """In a forked child: the parent's slots stay the parent's. A flock belongs to the open file
        description, so the child's inherited copies would keep the parent's slots locked after the
        parent released them; close them. (The parent's boxes must not be used from the child.)"""
        for fd in self._busy.values():
            with contextlib.suppress(OSError):
                os.close(fd)
        self._busy = {}
        self._cond = threading.Condition()

    @machinery
    def new_box(self) -> NativeBox:
        """A started box on a free slot (blocks while all are busy); the caller must close() it."""
        self._ready_for_boxes()
        ro_dir = self.ro_files.current()  # before taking a slot: its errors leave nothing to undo
        slot, lock_fd = self._acquire()
        return self._box_on(slot, lock_fd, ro_dir)

    def _ready_for_boxes(self) -> None:
        self._ensure_ready()
        problems = self.cgroups.problems()
        if problems and not self.config.allow_no_cgroup_limits:
            raise SandboxError("cgroup limits unavailable: " + "; ".join(problems))
        if problems:
            self.cgroups = NoDriver()  # explicitly allowed: rlimits only (development)

    @machinery
    def _box_on(self, slot: int, lock_fd: int, ro_dir: Path | None) -> NativeBox:
        """Start a box on a slot this process holds (released when the box closes, or on failure)."""
        helper = self._ensure_ready()
        uid = self.config.slot_uid_base + slot
        released = False

        def release() -> None:
            nonlocal released
            if not released:
                released = True
                self._release(slot, lock_fd)

        try:
            cgroup = self.cgroups.create_box(f"{self.cgroup_tag}-u{uid}")
        except BaseException:
            release()
            raise
        spec = BoxSpec(
            uid=uid,
            helper=helper,
            ro_dir=ro_dir,
            tmp_dir=self.config.home / "tmp",
            bwrap=self.config.bwrap,
            host_paths=self.host_paths,
        )
        try:
            return NativeBox(spec=spec, cgroup=cgroup, on_close=release)
        except BaseException:
            # NativeBox.close() already destroyed the cgroup and released the slot.
            release()
            raise

    @contextlib.contextmanager
    def open_box_pair(self) -> Iterator[tuple[Box, Box]]:
        self._ready_for_boxes()
        ro_dir = self.ro_files.current()
        (slot_a, fd_a), (slot_b, fd_b) = self._acquire_pair()
        try:
            first = self._box_on(slot_a, fd_a, ro_dir)
        except BaseException:
            self._release(slot_b, fd_b)
            raise
        try:
            second = self._box_on(slot_b, fd_b, ro_dir)
        except BaseException:
            first.close()
            raise
        try:
            yield first, second
        finally:
            try:
                second.close()
            finally:
                first.close()

    @contextlib.contextmanager
    def open_box(self) -> Iterator[Box]:
        box = self.new_box()
        try:
            yield box
        finally:
            box.close()


def _check_ro_reachable(ro: Path) -> None:
    """bwrap runs as the slot uid: it can only bind `home/ro` if every directory above it is searchable."""
    if not ro.is_dir():
        return
    for directory in (ro, *ro.resolve().parents):
        if not os.stat(directory).st_mode & stat.S_IXOTH:
            raise SandboxError(
                f"{directory} must be searchable by other users (chmod o+x) so that boxes can mount {ro}"
            )
