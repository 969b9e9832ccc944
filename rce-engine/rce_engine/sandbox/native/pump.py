"""A host thread that moves a run's stdout from its pipe into a `Stream`, counting the bytes.

The native box hands the program a pipe of its own; the pump copies from it into the caller's stream fd
(the other box's stdin in an interactive run). Counting here is what bounds an interaction: RLIMIT_FSIZE,
which caps a captured stdout file, does not apply to pipes. Past the limit the pump closes both ends:
the reader sees EOF, the program a broken pipe, and the run reports `output_limit_exceeded`.
"""

from __future__ import annotations

import contextlib
import math
import os
import threading
import time

_CHUNK = 64 * 1024


class Pump:
    """Copies `src` to `dst` (both owned: closed when the copy ends) until EOF, the reader's exit, or
    more than `limit` bytes."""

    def __init__(self, src: int, dst: int, *, limit: int) -> None:
        self._src, self._dst, self._limit = src, dst, limit
        self.copied = 0
        self.overflow = False  # more than `limit` bytes were offered
        self.reader_gone = False  # the reader closed its end before the writer did
        # time.monotonic() when the copy ended, taken before `dst` is closed: whatever the reader does
        # because of that EOF (an interactive validator judging a program that is gone) comes after it.
        self.ended_at = 0.0
        self.reader_gone_at = math.inf  # when a write first failed for want of a reader
        self._thread = threading.Thread(target=self._loop, name="algocode-pump", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def join(self, timeout: float | None = None) -> bool:
        """True once the copy has ended (both fds closed)."""
        self._thread.join(timeout)
        return not self._thread.is_alive()

    def _loop(self) -> None:
        try:
            while True:
                data = os.read(self._src, _CHUNK)
                if not data:
                    return
                room = self._limit - self.copied
                if len(data) > room:
                    self.overflow = True
                    data = data[: max(room, 0)]
                view = memoryview(data)
                while view:
                    view = view[os.write(self._dst, view) :]
                self.copied += len(data)
                if self.overflow:
                    return
        except OSError:  # BrokenPipeError above all: the reader went away
            self.reader_gone_at = time.monotonic()
            self.reader_gone = True
        finally:
            self.ended_at = time.monotonic()
            for fd in (self._src, self._dst):
                with contextlib.suppress(OSError):
                    os.close(fd)
