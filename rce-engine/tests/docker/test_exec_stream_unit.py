"""The docker exec's attach stream fed from and into host pipes (interactive runs), against a fake engine
on a socketpair: pure, no Docker needed (runs in `make test`)."""

from __future__ import annotations

import math
import os
import socket
import struct
import threading
import time
from collections.abc import Callable
from types import SimpleNamespace
from typing import Any, cast

import docker

from rce_engine.sandbox.docker.exec_stream import exec_with_io


def _frame(stream: int, data: bytes) -> bytes:
    return struct.pack(">BxxxL", stream, len(data)) + data


class _FakeResponse:
    def __init__(self, sock: socket.socket) -> None:
        self.raw = SimpleNamespace(_fp=SimpleNamespace(fp=sock.makefile("rb")))

    def close(self) -> None:
        pass


class _FakeAPI:
    """Just enough of docker.APIClient for exec_with_io: the hijacked socket is one end of a socketpair."""

    def __init__(self, engine: Callable[[socket.socket], None]) -> None:
        self._host, self._engine_end = socket.socketpair()
        self._thread = threading.Thread(target=engine, args=(self._engine_end,), daemon=True)

    def exec_create(self, *args: object, **kwargs: object) -> dict[str, str]:
        return {"Id": "exec-1"}

    def _url(self, *args: object) -> str:
        return "/exec/exec-1/start"

    def _post_json(self, *args: object, **kwargs: object) -> _FakeResponse:
        self._thread.start()
        return _FakeResponse(self._host)

    def _raise_for_status(self, response: object) -> None:
        pass


def _upper_echo(sock: socket.socket) -> None:
    """An exec that answers every line in upper case, then reports on stderr at its stdin's EOF."""
    with sock:
        for line in sock.makefile("rb"):
            sock.sendall(_frame(1, line.upper()))
        sock.sendall(_frame(2, b"done\n"))


def _run(
    engine: Callable[[socket.socket], None], *, max_stdout: int = 1024
) -> tuple[threading.Thread, dict[str, Any], int, int]:
    to_exec_r, to_exec_w = os.pipe()
    from_exec_r, from_exec_w = os.pipe()
    result: dict[str, Any] = {}

    def go() -> None:
        result["out"] = exec_with_io(
            cast("docker.APIClient", _FakeAPI(engine)),
            "container",
            ["prog"],
            user="1000",
            stdin=to_exec_r,
            max_stdout=max_stdout,
            max_stderr=1024,
            deadline_s=10,
            stdout_fd=from_exec_w,
        )

    thread = threading.Thread(target=go)
    thread.start()
    return thread, result, to_exec_w, from_exec_r


def test_round_trips_through_the_pipes_then_eof_both_ways() -> None:
    thread, result, to_exec, from_exec = _run(_upper_echo)
    with os.fdopen(to_exec, "wb", buffering=0) as writer, os.fdopen(from_exec, "rb", buffering=0) as reader:
        for word in (b"ask\n", b"again\n"):
            writer.write(word)
            assert reader.read(len(word)) == word.upper()  # one at a time: nothing waits for EOF
        writer.close()  # the exec's stdin EOF: it reports and ends
        before_eof = time.monotonic()
        assert reader.read() == b""  # and the reader of its stdout sees EOF
    thread.join(10)
    out = result["out"]
    assert out.stderr == b"done\n"
    assert out.stdout == b""  # it went to the pipe
    assert not out.stdout_overflow
    assert out.ended_at <= time.monotonic()
    assert out.ended_at >= before_eof - 1


def test_stdout_is_capped_at_the_limit() -> None:
    def flood(sock: socket.socket) -> None:
        with sock:
            sock.sendall(_frame(1, b"x" * 100))

    thread, result, to_exec, from_exec = _run(flood, max_stdout=10)
    os.close(to_exec)
    with os.fdopen(from_exec, "rb", buffering=0) as reader:
        assert reader.read() == b"x" * 10
    thread.join(10)
    assert result["out"].stdout_overflow


def test_a_reader_that_went_away_first_makes_the_exec_end_last() -> None:
    def late(sock: socket.socket) -> None:
        with sock:
            time.sleep(0.2)
            sock.sendall(_frame(1, b"too late\n"))

    thread, result, to_exec, from_exec = _run(late)
    os.close(from_exec)  # the validator is gone before the program wrote
    os.close(to_exec)
    thread.join(10)
    assert result["out"].reader_gone_at < result["out"].ended_at < math.inf
