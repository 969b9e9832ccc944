"""One `docker exec` with stdin streamed in and bounded stdout/stderr streamed out, under a host deadline.

The docker SDK's `exec_run` can neither feed stdin nor stop at a deadline, so this speaks the exec API's
hijacked connection directly: stdin and the multiplexed output travel over one socket, driven by a
selector so a program that writes while we are still sending its input cannot deadlock us.
"""

from __future__ import annotations

import contextlib
import io
import selectors
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


class _Demux:
    """Splits Docker's multiplexed stream into bounded stdout and stderr buffers."""

    def __init__(self, max_stdout: int, max_stderr: int) -> None:
        self._pending = bytearray()
        self.out = bytearray()
        self.err = bytearray()
        self._max = {_STDOUT: max_stdout, _STDERR: max_stderr}
        self.overflow = {_STDOUT: False, _STDERR: False}

    def feed(self, data: bytes) -> None:
        self._pending += data
        while len(self._pending) >= _HEADER.size:
            stream, length = _HEADER.unpack_from(self._pending)
            if len(self._pending) < _HEADER.size + length:
                return
            payload = bytes(self._pending[_HEADER.size : _HEADER.size + length])
            del self._pending[: _HEADER.size + length]
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
    stdin: bytes | Path,
    max_stdout: int,
    max_stderr: int,
    deadline_s: float,
) -> ExecOutput:
    """Run `argv` in the container as `user`; returns when it ends or at `deadline_s` seconds.

    A timed-out exec keeps running in the container: the caller kills it through the API.
    """
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

    buffered: io.BufferedReader = response.raw._fp.fp
    sock: socket.socket = buffered.raw._sock  # type: ignore[attr-defined]  # http.client's SocketIO
    demux = _Demux(max_stdout, max_stderr)
    sock.setblocking(False)
    # http.client read the upgrade response through a buffer that may already hold the first output bytes.
    try:
        early = buffered.read1(_CHUNK) if buffered.peek(0) else b""
    except (BlockingIOError, TypeError, ValueError):
        early = b""
    if early:
        demux.feed(early)

    chunks = _stdin_chunks(stdin)
    pending = b""
    stdin_done = False
    selector = selectors.DefaultSelector()
    selector.register(sock, selectors.EVENT_READ | selectors.EVENT_WRITE)
    deadline = time.monotonic() + deadline_s
    timed_out = False
    try:
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                timed_out = True
                break
            for _key, mask in selector.select(min(remaining, 1.0)):
                if mask & selectors.EVENT_WRITE and not stdin_done:
                    if not pending:
                        pending = next(chunks, b"")
                        stdin_done = not pending
                    if pending:
                        try:
                            pending = pending[sock.send(pending) :]
                        except BlockingIOError:
                            pass
                        except OSError:  # the exec ended and no longer reads its input
                            pending, stdin_done = b"", True
                    if stdin_done:
                        with contextlib.suppress(OSError):
                            sock.shutdown(socket.SHUT_WR)  # EOF on the exec's stdin
                        selector.modify(sock, selectors.EVENT_READ)
                if mask & selectors.EVENT_READ:
                    try:
                        data = sock.recv(_CHUNK)
                    except BlockingIOError:
                        continue
                    except OSError:
                        data = b""
                    if not data:
                        return ExecOutput(
                            stdout=bytes(demux.out),
                            stderr=bytes(demux.err),
                            stdout_overflow=demux.overflow[_STDOUT],
                            stderr_overflow=demux.overflow[_STDERR],
                            timed_out=False,
                            exec_id=exec_id,
                        )
                    demux.feed(data)
    finally:
        selector.close()
        sock.close()
        response.close()
    return ExecOutput(
        stdout=bytes(demux.out),
        stderr=bytes(demux.err),
        stdout_overflow=demux.overflow[_STDOUT],
        stderr_overflow=demux.overflow[_STDERR],
        timed_out=timed_out,
        exec_id=exec_id,
    )


def exec_exit_code(api: docker.APIClient, exec_id: str) -> int | None:
    """The exit code of a finished exec (None while it still runs)."""
    try:
        info = api.exec_inspect(exec_id)
    except docker.errors.DockerException as exc:
        raise SandboxError(f"docker exec inspect failed: {exc}") from exc
    return None if info.get("Running") else info.get("ExitCode")
