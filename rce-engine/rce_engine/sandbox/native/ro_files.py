"""The judge's read-only files (`<home>/ro`, the precompiled headers) on a file system of their own.

A bind mount names, in `/proc/self/mountinfo`, its source's path relative to the root of the source's file
system: binding `<home>/ro` itself made every box read `/work/main/var/judge/ro /opt/algocode`, the host
path of the judge's home (threat-model.md #47). bubblewrap binds by path (it resolves even `--ro-bind-fd`
to one), so the source has to be the root of a file system of its own. The host copies `<home>/ro` into
a tmpfs mounted read-only at `<home>/ro-mounts/<digest>` (the digest of the copied tree), and boxes bind
that: its root is `/`, its source `algocode-ro` (ADR 0130).

One copy per judge home (all workers of a host share it, under a lock); a changed `<home>/ro` (setup
rebuilt a header) gets a new copy at the next box, and the old one is detached (boxes that bound it keep
it until they close). A host that cannot mount (no CAP_SYS_ADMIN, e.g. the compose judge container,
ADR 0050) binds `<home>/ro` as before and logs that the box can see its path.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import hashlib
import logging
import os
import shutil
import stat
import threading
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger(__name__)

MOUNTS_DIR = "ro-mounts"
SOURCE = "algocode-ro"  # the mount's source as every box's mountinfo shows it
_MS_RDONLY = 1
_MS_NOSUID = 2
_MS_NODEV = 4
_MS_REMOUNT = 32
_MNT_DETACH = 2
_SLACK_BYTES = 1 << 20  # tmpfs size: the tree's bytes plus this (directories, rounding)

_libc = ctypes.CDLL(None, use_errno=True)
_libc.mount.argtypes = [ctypes.c_char_p, ctypes.c_char_p, ctypes.c_char_p, ctypes.c_ulong, ctypes.c_char_p]
_libc.umount2.argtypes = [ctypes.c_char_p, ctypes.c_int]


def _mount(source: str | None, target: Path, fstype: str | None, flags: int, data: str | None) -> None:
    enc = [None if s is None else os.fsencode(s) for s in (source, str(target), fstype, data)]
    if _libc.mount(enc[0], enc[1], enc[2], ctypes.c_ulong(flags), enc[3]) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"mount {fstype or 'remount'} on {target}: {os.strerror(err)}")


def _detach(target: Path) -> None:
    """Lazy unmount: the mount leaves the host's view now, and lives on in boxes that bound it."""
    if _libc.umount2(os.fsencode(str(target)), _MNT_DETACH) != 0:
        err = ctypes.get_errno()
        if err not in (errno.EINVAL, errno.ENOENT):  # not (or no longer) a mount point
            raise OSError(err, f"umount {target}: {os.strerror(err)}")


def tree_digest(ro: Path) -> tuple[str, int]:
    """(digest, total bytes) of the tree under `ro`: names, kinds, modes, sizes and mtimes, not contents
    (a dozen stat calls per box start; every writer of `<home>/ro` replaces files, so mtimes move).
    Dot names are a writer's temporaries (`build_pch`'s `.pch.*`): neither counted nor copied."""
    h = hashlib.sha256()
    total = 0
    for directory, dirs, files in os.walk(ro):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(f for f in files if not f.startswith(".")) + dirs:
            path = Path(directory, name)
            st = path.lstat()
            total += st.st_size
            rel = path.relative_to(ro).as_posix()
            h.update(f"{rel}\0{st.st_mode:o}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return h.hexdigest()[:16], total


def _is_read_only_mount(path: Path) -> bool:
    return os.path.ismount(path) and bool(os.statvfs(path).f_flag & os.ST_RDONLY)


class ReadOnlyFiles:
    """What boxes of one judge home bind at /opt/algocode (`NativeSandbox` holds one)."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.ro = home / "ro"
        self.mounts = home / MOUNTS_DIR
        self._lock = threading.Lock()
        self._cannot_mount: str | None = None  # why this host binds <home>/ro itself (logged once)

    @property
    def own_file_system(self) -> bool:
        """False once this host turned out unable to mount (boxes then see `<home>/ro`'s path)."""
        return self._cannot_mount is None

    def current(self) -> Path | None:
        """The directory a new box binds at /opt/algocode (None: there is no `<home>/ro`)."""
        if not self.ro.is_dir():
            return None
        if self._cannot_mount is not None:
            return self.ro
        digest, size = tree_digest(self.ro)
        target = self.mounts / digest
        if _is_read_only_mount(target):  # the common case: no lock, no write
            return target
        with self._lock, self._home_lock():
            try:
                self._mount_copy(target, size)
            except PermissionError as exc:
                self._cannot_mount = str(exc)
                log.warning(
                    "cannot mount a tmpfs for the judge's read-only files (%s): boxes bind %s itself "
                    "and can read its host path in /proc/self/mountinfo (ADR 0130)",
                    exc,
                    self.ro,
                )
                return self.ro
            self._detach_others(keep=target)
        return target

    @contextlib.contextmanager
    def _home_lock(self) -> Iterator[None]:
        """Across the processes sharing this home: one of them copies, the others wait and reuse it."""
        self.mounts.mkdir(mode=0o711, exist_ok=True)
        os.chmod(self.mounts, 0o711)  # noqa: S103 (bwrap, as the slot uid, only walks through)
        fd = os.open(self.home / "ro-mounts.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)

    def _mount_copy(self, target: Path, size: int) -> None:
        if _is_read_only_mount(target):
            return  # another process copied it meanwhile
        if os.path.ismount(target):
            _detach(target)  # left half-copied by a process that died: start again
        target.mkdir(mode=0o755, exist_ok=True)
        options = f"size={size + _SLACK_BYTES},mode=0755,uid=0,gid=0"
        _mount(SOURCE, target, "tmpfs", _MS_NOSUID | _MS_NODEV, options)
        try:
            _copy_tree(self.ro, target)
            _mount(None, target, None, _MS_REMOUNT | _MS_RDONLY | _MS_NOSUID | _MS_NODEV, options)
        except BaseException:
            _detach(target)
            raise

    def _detach_others(self, *, keep: Path) -> None:
        for other in self.mounts.iterdir():
            if other != keep and other.is_dir():
                _detach(other)
                with contextlib.suppress(OSError):
                    other.rmdir()

    def release(self) -> None:
        """Detach every copy of this home (its removal; running boxes keep theirs until they close)."""
        if not self.mounts.is_dir():
            return
        for other in self.mounts.iterdir():
            _detach(other)
            with contextlib.suppress(OSError):
                other.rmdir()


def _copy_tree(source: Path, target: Path) -> None:
    """Regular files and directories only, world-readable (boxes run as slot uids); links are skipped."""
    for directory, dirs, files in os.walk(source):
        rel = Path(directory).relative_to(source)
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        files = [f for f in files if not f.startswith(".")]
        for name in dirs:
            if Path(directory, name).is_symlink():
                continue
            (target / rel / name).mkdir(mode=0o755)
        for name in files:
            src = Path(directory, name)
            st = src.lstat()
            if not stat.S_ISREG(st.st_mode):
                continue
            dst = target / rel / name
            shutil.copyfile(src, dst)
            os.chmod(dst, 0o755 if st.st_mode & 0o111 else 0o644)
