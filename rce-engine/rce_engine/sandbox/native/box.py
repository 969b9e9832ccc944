"""One native box: a bubblewrap sandbox with the C init as pid 1, driven over a socketpair.

The host side of the protocol in box_init.c (its numbers: `rce_engine.sandbox.wire`). Everything that
comes back from the init is treated as untrusted input (sizes checked, received fds must be regular
files). Test data, expected answers and the program's stdout/stderr files live outside the box: the
program only ever gets fds to them, opened through detached mounts so that `/proc/self/fd` in the box
shows no host path (threat-model.md #47).
"""

from __future__ import annotations

import array
import contextlib
import ctypes
import dataclasses
import errno
import functools
import json
import math
import os
import queue
import select
import signal
import socket
import stat
import struct
import subprocess
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path
from typing import ParamSpec, TypeVar

from rce_engine.sandbox.base import (
    BOX_DIR,
    MIB,
    Box,
    KeptFile,
    Limits,
    RunRequest,
    RunResult,
    SandboxError,
    Stream,
    close_streams,
)
from rce_engine.sandbox.native import seccomp
from rce_engine.sandbox.native.cgroups import BoxCgroup
from rce_engine.sandbox.native.pump import Pump
from rce_engine.sandbox.wire import INIT_MAX_MESSAGE as MAX_MESSAGE
from rce_engine.sandbox.wire import INIT_PROTOCOL_VERSION as PROTO_VERSION
from rce_engine.sandbox.wire import InitCommand, InitMessage, ResultFlag

# The packets' layouts (the structs at the top of box_init.c).
RUN_HEADER = struct.Struct("=IIQQQQQII")
WRITE_HEADER = struct.Struct("=II")
READ_HEADER = struct.Struct("=IIQ")
HELLO = struct.Struct("=II")
RESULT = struct.Struct("=IiQIiQQ")
REPLY = struct.Struct("=IiQ")
P = ParamSpec("P")
R = TypeVar("R")

BWRAP = "/usr/bin/bwrap"
INIT_IN_BOX = "/.algocode-init"
RO_IN_BOX = "/opt/algocode"
# Sizes of the box's writable tmpfs mounts; pages written there are charged to the run's memory cgroup.
BOX_TMPFS_BYTES = 512 * MIB
TMP_TMPFS_BYTES = 256 * MIB
SHM_TMPFS_BYTES = 64 * MIB
# /etc pieces every program needs; never the host's passwd/shadow (a synthetic passwd is bound instead).
# What a language's toolchain needs besides (/etc/java-*, /var/lib/ghc, ...) it declares itself
# (`Language.host_paths`) and arrives in `BoxSpec.host_paths`.
ETC_BINDS = ("ld.so.cache", "alternatives", "localtime")
# localhost resolves (some runtimes look it up) without reaching anything: the box has its own
# loopback with nothing listening, and AF_INET sockets are denied by seccomp anyway.
HOSTS = b"127.0.0.1\tlocalhost box\n::1\tlocalhost ip6-localhost\n"
CPU_POLL_S = 0.01
START_TIMEOUT_S = 10.0
# How long past the wall limit the host waits for the init before declaring the box broken.
HOST_GRACE_S = 5.0
# How long after a run whose stdout is a Stream ended its reader may take to drain what is in flight.
PUMP_DRAIN_S = 120.0


@dataclass(frozen=True, slots=True)
class BoxSpec:
    """What a box is started with (decided by NativeSandbox)."""

    uid: int
    helper: Path
    ro_dir: Path | None
    tmp_dir: Path  # host directory for the run's stdin/stdout/stderr files (root-only)
    bwrap: str = BWRAP  # JudgeConfig.bwrap (ALGOCODE_BWRAP)
    host_paths: tuple[tuple[str, str], ...] = ()  # (host path, box path) bound read-only


def machinery(func: Callable[P, R]) -> Callable[P, R]:
    """Any OS error of the sandbox machinery surfaces as SandboxError (the judge's IE), never raw."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except SandboxError:
            raise
        except OSError as exc:
            raise SandboxError(f"{func.__name__}: {exc}") from exc

    return wrapper


_libc = ctypes.CDLL(None, use_errno=True)
_SYS_OPEN_TREE = 428  # the same number on every architecture (a syscall added after the unified table)
_OPEN_TREE_CLONE = 1
_AT_FDCWD = -100


def detached_dir(directory: Path) -> int:
    """An fd of `directory` on a private, detached copy of its mount (open_tree(OPEN_TREE_CLONE)).

    Files opened through it show up in any `/proc/<pid>/fd` relative to that copy's root (`/0.in`,
    `/#1234 (deleted)`), never as the host path of the judge's directories (threat-model.md #47).
    Without the syscall (kernel < 5.2, no CAP_SYS_ADMIN) the directory itself, which still works."""
    fd = _libc.syscall(
        ctypes.c_long(_SYS_OPEN_TREE),
        ctypes.c_int(_AT_FDCWD),
        ctypes.c_char_p(os.fsencode(directory)),
        ctypes.c_uint(_OPEN_TREE_CLONE | os.O_CLOEXEC),
    )
    if fd >= 0:
        return fd
    return os.open(directory, os.O_PATH | os.O_DIRECTORY | os.O_CLOEXEC)


def _tmpfile(directory: int) -> int:
    """An anonymous file on disk (tmpfs pages could not be reclaimed under the box's memory limit)."""
    try:
        return os.open(".", os.O_TMPFILE | os.O_RDWR | os.O_CLOEXEC, 0o600, dir_fd=directory)
    except OSError as exc:
        if exc.errno not in (errno.EOPNOTSUPP, errno.EISDIR, errno.EINVAL):
            raise SandboxError(f"cannot create a temp file: {exc}") from exc
    for _ in range(100):
        name = f".algocode-{os.urandom(8).hex()}"
        try:
            fd = os.open(name, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600, dir_fd=directory)
        except FileExistsError:
            continue
        os.unlink(name, dir_fd=directory)
        return fd
    raise SandboxError("cannot create a temp file")


def _readable(fd: int, timeout: float) -> bool:
    """poll(2), not select(2): a busy worker may hold more than FD_SETSIZE (1024) fds."""
    poller = select.poll()
    poller.register(fd, select.POLLIN)
    return bool(poller.poll(max(0, math.ceil(timeout * 1000))))


def _passwd(uid: int) -> bytes:
    return (
        f"root:x:0:0:root:/:/usr/sbin/nologin\njudge:x:{uid}:{uid}:judge:{BOX_DIR}:/usr/sbin/nologin\n"
        "nobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n"
    ).encode()


def _group(uid: int) -> bytes:
    return f"root:x:0:\njudge:x:{uid}:\nnogroup:x:65534:\n".encode()


class _Spawner:
    """Starts every bubblewrap from one long-lived thread.

    `--die-with-parent` is PR_SET_PDEATHSIG, which fires when the *thread* that forked bwrap exits, not
    the process: a box opened from a short-lived worker thread would die with that thread.
    """

    def __init__(self) -> None:
        self._jobs: queue.SimpleQueue[tuple[Future[subprocess.Popen[bytes]], list[str], dict]] = (
            queue.SimpleQueue()
        )
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()

    def popen(self, argv: list[str], **kwargs: object) -> subprocess.Popen[bytes]:
        with self._lock:
            if self._thread is None or not self._thread.is_alive():  # also after a fork
                self._thread = threading.Thread(target=self._loop, name="algocode-box-spawner", daemon=True)
                self._thread.start()
        future: Future[subprocess.Popen[bytes]] = Future()
        self._jobs.put((future, argv, kwargs))
        return future.result()

    def _loop(self) -> None:
        while True:
            future, argv, kwargs = self._jobs.get()
            if not future.set_running_or_notify_cancel():
                continue
            try:
                future.set_result(subprocess.Popen(argv, **kwargs))
            except BaseException as exc:  # handed to the caller
                future.set_exception(exc)


_spawner = _Spawner()


def _reset_spawner_after_fork() -> None:
    # A forked worker process has no spawner thread, and its lock may have been held mid-fork.
    global _spawner
    _spawner = _Spawner()


os.register_at_fork(after_in_child=_reset_spawner_after_fork)


class NativeBox(Box):
    def __init__(self, *, spec: BoxSpec, cgroup: BoxCgroup, on_close: Callable[[], None]) -> None:
        super().__init__()
        self._spec = spec
        self._cgroup = cgroup
        self._on_close = on_close
        self._lock = threading.Lock()
        self._closed = False
        self._broken: str | None = None
        self._proc: subprocess.Popen[bytes] | None = None
        self._sock: socket.socket | None = None
        self.init_pid = 0
        self._tmp = -1  # the judge's temp dir, on a detached mount
        self._stdin_dir: tuple[Path, int] | None = None  # the last stdin file's directory, detached
        # Host copies of the kept files, written once and handed to the init for every fresh run.
        self._kept_fds: dict[str, tuple[KeptFile, int]] = {}
        try:
            self._tmp = detached_dir(spec.tmp_dir)
            self._start()
        except BaseException:
            self.close()
            raise

    # ---- lifecycle --------------------------------------------------------------------------------

    def _bwrap_argv(self, fds: dict[str, int]) -> list[str]:
        argv = [
            self._spec.bwrap,
            "--unshare-all",
            "--unshare-user",
            "--disable-userns",
            "--die-with-parent",
            "--new-session",
            "--cap-drop",
            "ALL",
            "--as-pid-1",
            "--clearenv",
            "--hostname",
            "box",
            "--ro-bind",
            "/usr",
            "/usr",
        ]
        for link in ("bin", "lib", "lib64", "sbin"):
            host = Path("/") / link
            if host.is_symlink():
                argv += ["--symlink", os.readlink(host), f"/{link}"]
            elif host.is_dir():
                argv += ["--ro-bind", str(host), f"/{link}"]
        for name in ETC_BINDS:
            argv += ["--ro-bind-try", f"/etc/{name}", f"/etc/{name}"]
        for host_path, inside in self._spec.host_paths:
            argv += ["--ro-bind-try", host_path, inside]
        argv += ["--ro-bind-data", str(fds["passwd"]), "/etc/passwd"]
        argv += ["--ro-bind-data", str(fds["group"]), "/etc/group"]
        argv += ["--ro-bind-data", str(fds["hosts"]), "/etc/hosts"]
        argv += ["--proc", "/proc", "--dev", "/dev"]
        argv += ["--size", str(SHM_TMPFS_BYTES), "--tmpfs", "/dev/shm"]  # noqa: S108 (in the box)
        argv += ["--size", str(BOX_TMPFS_BYTES), "--tmpfs", BOX_DIR]
        argv += ["--size", str(TMP_TMPFS_BYTES), "--tmpfs", "/tmp"]  # noqa: S108 (in the box)
        # A copy (read-only, in the box's root tmpfs): no host path of the judge home is needed.
        argv += ["--perms", "0555", "--ro-bind-data", str(fds["init"]), INIT_IN_BOX]
        if "ro" in fds:
            argv += ["--ro-bind-fd", str(fds["ro"]), RO_IN_BOX]
        # The root and /dev are tmpfs without a size limit: make them read-only once populated.
        argv += ["--remount-ro", "/dev", "--remount-ro", "/"]
        argv += ["--chdir", BOX_DIR, "--seccomp", str(fds["seccomp"]), "--info-fd", str(fds["info"])]
        argv += ["--", INIT_IN_BOX, "--init", str(fds["sock"])]
        return argv

    def _start(self) -> None:
        spec = self._spec
        host_sock, box_sock = socket.socketpair(socket.AF_UNIX, socket.SOCK_SEQPACKET)
        self._sock = host_sock
        info_r, info_w = os.pipe2(os.O_CLOEXEC)
        fds: dict[str, int] = {"sock": box_sock.fileno(), "info": info_w}
        opened = [info_r, info_w]
        stderr_fd = _tmpfile(self._tmp)
        opened.append(stderr_fd)
        try:
            fds["seccomp"] = seccomp.filter_fd()
            fds["passwd"] = os.memfd_create("passwd", os.MFD_CLOEXEC)
            fds["group"] = os.memfd_create("group", os.MFD_CLOEXEC)
            fds["hosts"] = os.memfd_create("hosts", os.MFD_CLOEXEC)
            opened += [fds["seccomp"], fds["passwd"], fds["group"], fds["hosts"]]
            for key, data in (("passwd", _passwd(spec.uid)), ("group", _group(spec.uid)), ("hosts", HOSTS)):
                os.write(fds[key], data)
                os.lseek(fds[key], 0, os.SEEK_SET)
            fds["init"] = os.open(spec.helper, os.O_RDONLY | os.O_CLOEXEC)
            opened.append(fds["init"])
            if spec.ro_dir is not None and spec.ro_dir.is_dir():
                fds["ro"] = os.open(spec.ro_dir, os.O_PATH | os.O_DIRECTORY | os.O_CLOEXEC)
                opened.append(fds["ro"])
            launch = [
                str(spec.helper),
                "--launch",
                str(spec.uid),
                str(spec.uid),
                "-1000",
                str(len(self._cgroup.join_files)),
                *map(str, self._cgroup.join_files),
                "--",
                *self._bwrap_argv(fds),
            ]
            self._proc = _spawner.popen(
                launch,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=stderr_fd,
                pass_fds=[fd for key, fd in fds.items()],
                env={"PATH": "/usr/bin:/bin"},
                close_fds=True,
            )
            box_sock.close()
            os.close(info_w)
            opened.remove(info_w)
            hello = self._recv(timeout=START_TIMEOUT_S, what="box start")
            if hello is None:
                raise SandboxError(f"box failed to start: {self._stderr_tail(stderr_fd)}")
            kind, version = HELLO.unpack_from(hello[0])
            if kind != InitMessage.HELLO or version != PROTO_VERSION:
                raise SandboxError("box init speaks another protocol version")
            self.init_pid = self._read_child_pid(info_r)
        except SandboxError as exc:
            raise SandboxError(f"{exc}; bwrap said: {self._stderr_tail(stderr_fd)}") from exc
        finally:
            for fd in opened:
                with contextlib.suppress(OSError):
                    os.close(fd)
            box_sock.close()

    @staticmethod
    def _stderr_tail(fd: int) -> str:
        try:
            size = os.fstat(fd).st_size
            return os.pread(fd, 2000, max(0, size - 2000)).decode(errors="replace").strip()
        except OSError:
            return ""

    @staticmethod
    def _read_child_pid(info_r: int) -> int:
        """The init's host pid, as bwrap reports it (for operators and debugging: `strace -p`)."""
        data = b""
        deadline = time.monotonic() + START_TIMEOUT_S
        while b"}" not in data:
            left = deadline - time.monotonic()
            if left <= 0 or not _readable(info_r, left):
                raise SandboxError("bwrap did not report the box's pid")
            chunk = os.read(info_r, 4096)
            if not chunk:
                break
            data += chunk
        try:
            pid = int(json.loads(data[: data.index(b"}") + 1])["child-pid"])
        except (ValueError, KeyError) as exc:
            raise SandboxError(f"unexpected bwrap info: {data[:200]!r}") from exc
        return pid

    def close(self) -> None:
        with self._lock:
            if self._closed:
                return
            self._closed = True
            try:
                if self._sock is not None:
                    # EOF tells the init to kill everything and exit, which ends the pid namespace.
                    self._sock.close()
                if self._proc is not None:
                    try:
                        self._proc.wait(timeout=5)
                    except subprocess.TimeoutExpired:
                        self._proc.kill()
                        self._proc.wait(timeout=5)
                self._cgroup.destroy()
            finally:
                kept = [fd for _file, fd in self._kept_fds.values()]
                for fd in (self._tmp, self._stdin_dir[1] if self._stdin_dir else -1, *kept):
                    if fd >= 0:
                        os.close(fd)
                self._on_close()

    # ---- socket helpers ---------------------------------------------------------------------------

    def _send(self, payload: bytes, fds: Sequence[int] = ()) -> None:
        assert self._sock is not None
        try:
            if fds:
                self._sock.sendmsg([payload], [(socket.SOL_SOCKET, socket.SCM_RIGHTS, array.array("i", fds))])
            else:
                self._sock.send(payload)
        except OSError as exc:
            self._broken = f"box init unreachable: {exc}"
            raise SandboxError(self._broken) from exc

    def _recv(self, *, timeout: float | None, what: str) -> tuple[bytes, list[int]] | None:
        """One packet from the init (None on timeout); its fds are returned (caller closes them)."""
        assert self._sock is not None
        if timeout is not None and not _readable(self._sock.fileno(), timeout):
            return None
        try:
            data, ancdata, _flags, _ = self._sock.recvmsg(
                MAX_MESSAGE, socket.CMSG_SPACE(4 * 4), socket.MSG_CMSG_CLOEXEC
            )
        except OSError as exc:
            self._broken = f"box init unreachable during {what}: {exc}"
            raise SandboxError(self._broken) from exc
        fds: list[int] = []
        for level, kind, raw in ancdata:
            if level == socket.SOL_SOCKET and kind == socket.SCM_RIGHTS:
                arr = array.array("i")
                arr.frombytes(raw[: len(raw) - len(raw) % arr.itemsize])
                fds.extend(arr)
        if not data:
            for fd in fds:
                os.close(fd)
            self._broken = f"box init exited during {what}"
            raise SandboxError(self._broken)
        return data, fds

    def _usable(self) -> None:
        if self._closed:
            raise SandboxError("box is closed")
        if self._broken:
            raise SandboxError(f"box is broken: {self._broken}")

    def _reply(self, what: str) -> tuple[int, int, list[int]]:
        got = self._recv(timeout=30.0, what=what)
        if got is None:
            self._broken = f"box init did not answer {what}"
            raise SandboxError(self._broken)
        data, fds = got
        if len(data) != REPLY.size or REPLY.unpack_from(data)[0] != InitMessage.REPLY:
            for fd in fds:
                os.close(fd)
            self._broken = f"unexpected answer to {what}"
            raise SandboxError(self._broken)
        _, err, size = REPLY.unpack(data)
        return err, size, fds

    # ---- files ------------------------------------------------------------------------------------

    @machinery
    def _write_file(self, name: str, data: bytes, *, executable: bool) -> None:
        with self._lock:
            self._usable()
            self._write_locked(name, data, executable=executable)

    def _write_locked(self, name: str, data: bytes, *, executable: bool) -> None:
        fd = self._data_fd(data)
        try:
            self._send_file(name, fd, size=len(data), executable=executable)
        finally:
            os.close(fd)

    def _send_file(self, name: str, fd: int, *, size: int, executable: bool) -> None:
        """The init copies the file open as `fd` (from offset 0) into BOX_DIR/name."""
        mode = 0o755 if executable else 0o644
        self._send(WRITE_HEADER.pack(InitCommand.WRITE, mode) + name.encode() + b"\0", [fd])
        data_size = size
        err, size, fds = self._reply("write_file")
        for extra in fds:
            os.close(extra)
        if err != 0:
            raise SandboxError(f"cannot write {name} into the box: {os.strerror(err)}")
        if size != data_size:
            raise SandboxError(f"short write of {name} into the box")

    def _reset_locked(self, kept: Mapping[str, KeptFile]) -> None:
        """Empty /box, /tmp and /dev/shm, then put the kept files back with their original bytes."""
        self._send(struct.pack("=I", InitCommand.RESET))
        err, _size, fds = self._reply("reset")
        for extra in fds:
            os.close(extra)
        if err != 0:
            raise SandboxError(f"cannot empty the box for a fresh run: {os.strerror(err)}")
        for name, file in kept.items():
            cached = self._kept_fds.get(name)
            if cached is None or cached[0] != file:
                fd = self._data_fd(file.data)
                if cached is not None:
                    os.close(cached[1])
                self._kept_fds[name] = cached = (file, fd)
            self._send_file(name, cached[1], size=len(file.data), executable=file.executable)

    @machinery
    def _read_file(self, name: str, *, max_bytes: int) -> bytes | None:
        with self._lock:
            self._usable()
            self._send(READ_HEADER.pack(InitCommand.READ, 0, max_bytes) + name.encode() + b"\0")
            err, _size, fds = self._reply("read_file")
            if err != 0 or len(fds) != 1:
                for fd in fds:
                    os.close(fd)
                return None
            fd = fds[0]
            try:
                # The init is not trusted with the fd's nature: only a regular file is read.
                st = os.fstat(fd)
                if not stat.S_ISREG(st.st_mode) or st.st_size > max_bytes:
                    return None
                data = os.pread(fd, max_bytes + 1, 0)
                chunks = [data]
                total = len(data)
                while data and total <= max_bytes:
                    data = os.pread(fd, max_bytes + 1 - total, total)
                    chunks.append(data)
                    total += len(data)
                if total > max_bytes:
                    return None
                return b"".join(chunks)
            finally:
                os.close(fd)

    # ---- runs -------------------------------------------------------------------------------------

    def _tmpfile(self) -> int:
        """A temp file in the judge's temp dir; a dir that was replaced since the box opened is reopened."""
        try:
            return _tmpfile(self._tmp)
        except SandboxError:
            fresh = detached_dir(self._spec.tmp_dir)
            os.close(self._tmp)
            self._tmp = fresh
            return _tmpfile(self._tmp)

    def _data_fd(self, data: bytes) -> int:
        fd = self._tmpfile()
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        return fd

    def _open_stdin(self, path: Path) -> int:
        """The stdin file, opened through a detached mount of its directory (cached for the next test)."""
        parent = path.parent
        if self._stdin_dir is None or self._stdin_dir[0] != parent:
            if self._stdin_dir is not None:
                os.close(self._stdin_dir[1])
                self._stdin_dir = None
            self._stdin_dir = (parent, detached_dir(parent))
        return os.open(path.name, os.O_RDONLY | os.O_CLOEXEC, dir_fd=self._stdin_dir[1])

    @machinery
    def _run(self, request: RunRequest) -> RunResult:
        # Streams: the host keeps copies only until the RUN packet went out (see _run_started), so the
        # caller's fds go at once; `handed` holds what is still to be closed on every path.
        handed: list[int] = []
        stream_out = -1
        try:
            if isinstance(request.stdin, Stream):
                handed.append(os.dup(request.stdin.fd))
            if request.stdout is not None:
                stream_out = os.dup(request.stdout.fd)
        except OSError:
            for fd in (*handed, stream_out):
                if fd >= 0:
                    os.close(fd)
            raise
        finally:
            close_streams(request.stdin, request.stdout)
        try:
            return self._run_checked(request, handed, stream_out)
        finally:
            for fd in handed:  # the run never started
                with contextlib.suppress(OSError):
                    os.close(fd)

    def _run_checked(self, request: RunRequest, handed: list[int], stream_out: int) -> RunResult:
        """`handed`: the stdin stream's fd (if any), closed after the RUN packet; `stream_out`: the
        stdout stream's fd (or -1), which the pump owns (closed here if the pump never started)."""
        limits, stdin = request.limits, request.stdin
        wall_ms = max(1, math.ceil(limits.wall_time_s * 1000))
        header = RUN_HEADER.pack(
            InitCommand.RUN,
            wall_ms,
            math.ceil(limits.cpu_time_s) + 1,
            limits.memory_bytes,
            limits.output_bytes + 1,  # one byte over the limit tells "over" from "exactly at"
            limits.max_open_files,
            limits.stderr_bytes,
            len(request.argv),
            len(request.env),
        )
        strings = [a.encode() for a in request.argv] + [f"{k}={v}".encode() for k, v in request.env.items()]
        payload = header + b"".join(s + b"\0" for s in strings)
        if len(payload) > MAX_MESSAGE - 1:
            raise SandboxError("argv and env too large")
        streamed: set[int] = set(handed)  # every fd ever in `handed` (closed there, never again here)
        pump: Pump | None = None
        try:
            with self._lock:
                self._usable()
                if request.fresh:
                    self._reset_locked(request.kept)
                in_fd = out_fd = err_fd = -1
                try:
                    if isinstance(stdin, Stream):
                        in_fd = handed[0]
                    elif isinstance(stdin, Path):
                        try:
                            in_fd = self._open_stdin(stdin)
                        except OSError as exc:
                            raise SandboxError(f"cannot open stdin file {stdin}: {exc}") from exc
                    else:
                        in_fd = self._data_fd(stdin)
                        os.lseek(in_fd, 0, os.SEEK_SET)
                        os.fchmod(in_fd, 0o444)
                    if stream_out >= 0:
                        pipe_r, out_fd = os.pipe2(os.O_CLOEXEC)
                        handed.append(out_fd)
                        streamed.add(out_fd)
                        pump = Pump(pipe_r, stream_out, limit=limits.output_bytes)
                        stream_out = -1  # the pump's now
                        pump.start()
                    else:
                        out_fd = self._tmpfile()
                    err_fd = self._tmpfile()
                    # Programs that reopen /dev/stdin or /dev/stdout (through /proc/self/fd) need access
                    # to these as the slot uid; they are unlinked (or pipes), so nothing else reaches them.
                    for fd in (in_fd, out_fd, err_fd) if isinstance(stdin, Stream) else (out_fd, err_fd):
                        with contextlib.suppress(OSError):
                            os.fchmod(fd, 0o666)
                    result = self._run_locked(payload, limits, wall_ms, in_fd, out_fd, err_fd, handed)
                finally:
                    for fd in (in_fd, out_fd, err_fd):
                        if fd >= 0 and fd not in streamed:
                            os.close(fd)
                    for fd in handed:  # still here: the run never started (EOF ends the pump)
                        with contextlib.suppress(OSError):
                            os.close(fd)
                    handed.clear()
        finally:
            if stream_out >= 0:
                os.close(stream_out)
        if pump is None:
            return result
        # Every writer is gone: the pump ends once the reader took the rest (or went away). The reader
        # (an interactive validator) is bounded by its own limits; this bound is only for the impossible.
        if not pump.join(limits.wall_time_s + PUMP_DRAIN_S):
            raise SandboxError("the reader of the run's output stream never drained it")
        return dataclasses.replace(
            result,
            stdout=b"",
            output_limit_exceeded=result.output_limit_exceeded or pump.overflow,
            # When its output stream ended: the order of two connected runs' ends is causal this way
            # (the init's report of an exit can lag behind the other side's reaction to it). Cut off by
            # a reader that went away, the stream never saw this run's end: the init's report says it.
            ended_at=result.ended_at if pump.reader_gone else pump.ended_at,
            reader_gone_at=pump.reader_gone_at,
        )

    def _run_locked(
        self,
        payload: bytes,
        limits: Limits,
        wall_ms: int,
        in_fd: int,
        out_fd: int,
        err_fd: int,
        handed: list[int],
    ) -> RunResult:
        cg = self._cgroup
        join = cg.start_run(memory_bytes=limits.memory_bytes, max_processes=limits.max_processes)
        join_fds: list[int] = []
        try:
            for path in join:
                join_fds.append(os.open(path, os.O_WRONLY | os.O_CLOEXEC))
        except OSError as exc:
            for fd in join_fds:
                os.close(fd)
            raise SandboxError(f"cannot open {path}: {exc}") from exc
        try:
            return self._run_started(
                payload, limits, wall_ms, [in_fd, out_fd, err_fd, *join_fds], out_fd, err_fd, handed
            )
        finally:
            for fd in join_fds:
                os.close(fd)

    def _run_started(
        self,
        payload: bytes,
        limits: Limits,
        wall_ms: int,
        fds: list[int],
        out_fd: int,
        err_fd: int,
        handed: list[int],
    ) -> RunResult:
        cg = self._cgroup
        cpu_limit_ns = int(limits.cpu_time_s * 1e9)
        started = time.monotonic()
        host_deadline = started + wall_ms / 1000 + HOST_GRACE_S
        self._send(payload, fds)
        streamed_out = out_fd in handed
        # The init holds its own copies now (and the program, once forked): drop the host's.
        for fd in handed:
            with contextlib.suppress(OSError):
                os.close(fd)
        handed.clear()
        killed_for_cpu = killed_for_idle = False
        poll_cpu = cg.enforces
        # The idleness limit: the last CPU reading and when it last moved.
        last_used, last_moved = -1, started
        while True:
            got = self._recv(timeout=CPU_POLL_S if poll_cpu else 0.5, what="run")
            if got is not None:
                break
            now = time.monotonic()
            if now > host_deadline:
                self._broken = "box init missed the wall deadline"
                raise SandboxError(self._broken)
            if poll_cpu and not (killed_for_cpu or killed_for_idle):
                used = cg.cpu_ns()
                if used is not None and used > cpu_limit_ns:
                    self._send(struct.pack("=I", InitCommand.KILL))
                    killed_for_cpu = True
                elif used is not None and limits.idle_time_s is not None:
                    if used != last_used:
                        last_used, last_moved = used, now
                    elif now - last_moved > limits.idle_time_s:
                        self._send(struct.pack("=I", InitCommand.KILL))
                        killed_for_idle = True
        ended_at = time.monotonic()
        data, fds = got
        for fd in fds:
            os.close(fd)
        if len(data) != RESULT.size or RESULT.unpack_from(data)[0] != InitMessage.RESULT:
            self._broken = "unexpected answer to run"
            raise SandboxError(self._broken)
        _, wstatus, wall_ns, flags, setup_errno, init_cpu_ns, maxrss_kb = RESULT.unpack(data)
        stats = cg.finish_run()
        if wstatus == -1:
            raise SandboxError("box init rejected the run request")
        if flags & ResultFlag.SETUP_FAILED:
            # cgroup join, rlimits, fds or chdir failed: the host's fault, not the program's.
            raise SandboxError(f"setting up the run in the box failed: {os.strerror(setup_errno)}")

        exit_code = os.WEXITSTATUS(wstatus) if os.WIFEXITED(wstatus) else None
        sig = os.WTERMSIG(wstatus) if os.WIFSIGNALED(wstatus) else None
        if stats is not None:
            cpu_ns, peak, oom = stats.cpu_ns, stats.peak_bytes, stats.oom_kills > 0
        else:
            cpu_ns, peak, oom = init_cpu_ns, maxrss_kb * 1024, False
        out_size = 0 if streamed_out else os.fstat(out_fd).st_size
        return RunResult(
            exit_code=exit_code,
            signal=sig,
            cpu_time_s=cpu_ns / 1e9,
            wall_time_s=wall_ns / 1e9,
            memory_bytes=peak,
            oom_killed=oom,
            cpu_limit_exceeded=killed_for_cpu or sig == signal.SIGXCPU or cpu_ns > cpu_limit_ns,
            wall_limit_exceeded=(bool(flags & ResultFlag.WALL) or killed_for_idle) and not killed_for_cpu,
            output_limit_exceeded=out_size > limits.output_bytes or sig == signal.SIGXFSZ,
            stdout=b"" if streamed_out else os.pread(out_fd, limits.output_bytes, 0),
            stderr=os.pread(err_fd, limits.stderr_bytes, 0),
            ended_at=ended_at,
        )
