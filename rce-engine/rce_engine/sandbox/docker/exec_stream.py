"""One `docker exec` with stdin streamed in and bounded stdout/stderr streamed out, under a host deadline.

The docker SDK's `exec_run` can neither feed stdin nor stop at a deadline, so this speaks the exec API's
hijacked connection directly: stdin and the multiplexed output travel over one socket, driven by a
selector so a program that writes while we are still sending its input cannot deadlock us.
"""

from __future__ import annotations

import contextlib
import io
import math
import os
import select
import socket
import struct
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import docker
import docker.errors

from rce_engine.sandbox.base import SandboxError

_CHUNK = 64 * 1024
_HEADER = struct.Struct(">BxxxL")  # stream id (1 stdout, 2 stderr), 3 bytes padding, payload length
_STDOUT, _STDERR = 1, 2


@dataclass(frozen=True, slots=True)
class ExecOutput:
    stdout: bytes
    stderr: bytes
    stdout_overflow: bool  # more stdout arrived than `max_stdout` (it was dropped)
    stderr_overflow: bool
    timed_out: bool  # the host deadline passed before the exec finished; the caller must kill it
    exec_id: str
    exit_code: int | None = None  # filled in once someone asked the engine (exec_exit_code)
    # time.monotonic() when the exec's stream ended (stamped before a streamed stdout is closed)
    ended_at: float = 0.0
    reader_gone_at: float = math.inf  # when writing to a streamed stdout first failed: its reader was gone


class _Sink:
    """Where a streamed stdout goes: a non-blocking host pipe end, at most `limit` bytes in all."""

    def __init__(self, fd: int, limit: int) -> None:
        self.fd = fd
        os.set_blocking(fd, False)
        self.pending = bytearray()
        self.room = limit
        self.reader_gone = False
        self.reader_gone_at = math.inf

    @property
    def lagging(self) -> bool:
        return len(self.pending) >= _CHUNK

    def put(self, data: bytes) -> bytes:
        """Queue what fits; return what did not (the caller counts it as overflow)."""
        if self.reader_gone:
            return b""
        take = data[: self.room]
        self.room -= len(take)
        self.pending += take
        self.flush()
        return data[len(take) :]

    def flush(self) -> None:
        while self.pending and not self.reader_gone:
            try:
                written = os.write(self.fd, self.pending)
            except BlockingIOError:
                return
            except OSError:  # the reader went away: drop the rest
                self.reader_gone, self.reader_gone_at = True, time.monotonic()
                self.pending.clear()
                return
            del self.pending[:written]

    def finish(self, ended: bool) -> None:
        """The exec ended: hand over what is queued (the reader has until then), then EOF for the reader."""
        if ended and self.pending and not self.reader_gone:
            os.set_blocking(self.fd, True)
            try:
                os.write(self.fd, self.pending)
            except OSError:
                self.reader_gone, self.reader_gone_at = True, time.monotonic()
        self.pending.clear()


class _Demux:
    """Splits Docker's multiplexed stream into bounded stdout and stderr buffers (stdout into `sink`
    instead, when given)."""

    def __init__(self, max_stdout: int, max_stderr: int, *, sink: _Sink | None = None) -> None:
        self._pending = bytearray()
        self.out = bytearray()
        self.err = bytearray()
        self._max = {_STDOUT: max_stdout, _STDERR: max_stderr}
        self.overflow = {_STDOUT: False, _STDERR: False}
        self._sink = sink

    def feed(self, data: bytes) -> None:
        self._pending += data
        while len(self._pending) >= _HEADER.size:
            stream, length = _HEADER.unpack_from(self._pending)
            if len(self._pending) < _HEADER.size + length:
                return
            payload = bytes(self._pending[_HEADER.size : _HEADER.size + length])
            del self._pending[: _HEADER.size + length]
            if stream == _STDOUT and self._sink is not None:
                if self._sink.put(payload):
                    self.overflow[_STDOUT] = True
                continue
            target = self.out if stream == _STDOUT else self.err if stream == _STDERR else None
            if target is None:
                continue
            room = self._max[stream] - len(target)
            if len(payload) > room:
                self.overflow[stream] = True
                payload = payload[: max(room, 0)]
            target += payload


def _stdin_chunks(stdin: bytes | Path) -> Iterator[bytes]:
    if isinstance(stdin, Path):
        with stdin.open("rb") as f:  # a host file (test input): opened read-only, never a box path
            while chunk := f.read(_CHUNK):
                yield chunk
    else:
        view = memoryview(stdin)
        for i in range(0, len(view), _CHUNK):
            yield bytes(view[i : i + _CHUNK])


def exec_with_io(
    api: docker.APIClient,
    container_id: str,
    argv: Sequence[str],
    *,
    user: str,
    stdin: bytes | Path | int,
    max_stdout: int,
    max_stderr: int,
    deadline_s: float,
    stdout_fd: int = -1,
) -> ExecOutput:
    """Run `argv` in the container as `user`; returns when it ends or at `deadline_s` seconds.

    `stdin` as an int and `stdout_fd` >= 0 are host pipe ends (an interactive run): stdin is forwarded
    from the fd as it arrives (its EOF is the exec's), stdout is forwarded into `stdout_fd` instead of
    being kept (at most `max_stdout`; once its reader is gone the rest is dropped), with backpressure: no
    more is read from the engine while the reader lags. Both fds are this function's: closed when it
    returns, `stdout_fd` right after the exec's end is stamped (`ExecOutput.ended_at`).
    A timed-out exec keeps running in the container: the caller kills it through the API.
    """
    stdin_fd = stdin if isinstance(stdin, int) else -1
    try:
        return _exec_with_io(
            api,
            container_id,
            argv,
            user=user,
            stdin=stdin,
            max_stdout=max_stdout,
            max_stderr=max_stderr,
            deadline_s=deadline_s,
            stdout_fd=stdout_fd,
        )
    finally:
        for fd in (stdin_fd, stdout_fd):
            if fd >= 0:
                with contextlib.suppress(OSError):
                    os.close(fd)


def _start_exec(
    api: docker.APIClient, container_id: str, argv: Sequence[str], user: str
) -> tuple[str, object]:
    try:
        exec_id = api.exec_create(
            container_id, list(argv), stdin=True, stdout=True, stderr=True, user=user, workdir="/box"
        )["Id"]
        response = api._post_json(
            api._url("/exec/{0}/start", exec_id),
            headers={"Connection": "Upgrade", "Upgrade": "tcp"},
            data={"Tty": False, "Detach": False},
            stream=True,
        )
        api._raise_for_status(response)
    except docker.errors.DockerException as exc:
        raise SandboxError(f"docker exec failed: {exc}") from exc
    except OSError as exc:
        raise SandboxError(f"docker engine unreachable: {exc}") from exc
    return exec_id, response


def _exec_with_io(
    api: docker.APIClient,
    container_id: str,
    argv: Sequence[str],
    *,
    user: str,
    stdin: bytes | Path | int,
    max_stdout: int,
    max_stderr: int,
    deadline_s: float,
    stdout_fd: int,
) -> ExecOutput:
    exec_id, response = _start_exec(api, container_id, argv, user)
    buffered: io.BufferedReader = response.raw._fp.fp  # type: ignore[attr-defined]
    sock: socket.socket = buffered.raw._sock  # type: ignore[attr-defined]  # http.client's SocketIO
    sink = _Sink(stdout_fd, max_stdout) if stdout_fd >= 0 else None
    demux = _Demux(max_stdout, max_stderr, sink=sink)
    sock.setblocking(False)
    # http.client read the upgrade response through a buffer that may already hold the first output bytes.
    try:
        early = buffered.read1(_CHUNK) if buffered.peek(0) else b""
    except (BlockingIOError, TypeError, ValueError):
        early = b""
    if early:
        demux.feed(early)

    chunks: Iterator[bytes] = iter(())
    if isinstance(stdin, int):
        stdin_fd = stdin
        os.set_blocking(stdin_fd, False)
    else:
        stdin_fd, chunks = -1, _stdin_chunks(stdin)
    pending = b""
    stdin_done = shut = False
    deadline = time.monotonic() + deadline_s
    timed_out = ended = False
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                timed_out = True
                break
            poller = select.poll()
            sock_events = 0
            if sink is None or sink.lagging is False:
                sock_events |= select.POLLIN  # backpressure: nothing more while the reader lags
            if pending or (stdin_done and not shut) or (stdin_fd < 0 and not stdin_done):
                sock_events |= select.POLLOUT
            if sock_events:
                poller.register(sock.fileno(), sock_events)
            if stdin_fd >= 0 and not stdin_done and not pending:
                poller.register(stdin_fd, select.POLLIN)
            if sink is not None and sink.pending:
                poller.register(sink.fd, select.POLLOUT)
            for fd, mask in poller.poll(min(remaining, 1.0) * 1000):
                if fd == stdin_fd:
                    try:
                        pending = os.read(stdin_fd, _CHUNK)
                    except BlockingIOError:
                        continue
                    except OSError:
                        pending = b""
                    stdin_done = not pending
                elif sink is not None and fd == sink.fd:
                    sink.flush()
                elif fd == sock.fileno():
                    if mask & select.POLLOUT:
                        if not pending and stdin_fd < 0 and not stdin_done:
                            pending = next(chunks, b"")
                            stdin_done = not pending
                        if pending:
                            try:
                                pending = pending[sock.send(pending) :]
                            except BlockingIOError:
                                pass
                            except OSError:  # the exec ended and no longer reads its input
                                pending, stdin_done = b"", True
                        if stdin_done and not pending and not shut:
                            with contextlib.suppress(OSError):
                                sock.shutdown(socket.SHUT_WR)  # EOF on the exec's stdin
                            shut = True
                    if mask & (select.POLLIN | select.POLLHUP | select.POLLERR):
                        try:
                            data = sock.recv(_CHUNK)
                        except BlockingIOError:
                            continue
                        except OSError:
                            data = b""
                        if not data:
                            ended = True
                            break
                        demux.feed(data)
            if ended:
                break
    finally:
        ended_at = time.monotonic()
        if sink is not None:
            sink.finish(ended and not timed_out)
        sock.close()
        response.close()  # type: ignore[attr-defined]
    return ExecOutput(
        stdout=bytes(demux.out),
        stderr=bytes(demux.err),
        stdout_overflow=demux.overflow[_STDOUT],
        stderr_overflow=demux.overflow[_STDERR],
        timed_out=timed_out,
        exec_id=exec_id,
        ended_at=ended_at,
        reader_gone_at=sink.reader_gone_at if sink is not None else math.inf,
    )


def exec_exit_code(api: docker.APIClient, exec_id: str) -> int | None:
    """The exit code of a finished exec (None while it still runs)."""
    try:
        info = api.exec_inspect(exec_id)
    except docker.errors.DockerException as exc:
        raise SandboxError(f"docker exec inspect failed: {exc}") from exc
    return None if info.get("Running") else info.get("ExitCode")
