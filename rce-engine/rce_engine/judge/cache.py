"""The binary cache: compiled artifacts keyed by sha256(backend, language, compiler, compile steps, source).

A rejudge or a resubmission of the same source copies the cached artifact into the box and skips the
compile. Entries are written atomically (tmp + rename) under `<home>/cache/`; the total size is bounded
and the least recently used entries go first (a hit refreshes the entry's mtime).
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
import threading
from pathlib import Path

from rce_engine.conf import JudgeConfig
from rce_engine.languages import Language
from rce_engine.sandbox.base import MIB, Sandbox

log = logging.getLogger(__name__)

DEFAULT_MAX_BYTES = 1024 * MIB
# Between a backend's name and its toolchain id in `cache_backend` (neither contains a NUL).
_TOOLCHAIN_SEPARATOR = "\0"


def cache_backend(sandbox: Sandbox) -> str:
    """The backend part of a cache key: the sandbox's name and, when its boxes do not run the host's
    compilers (docker: an image with its own g++), its toolchain id, so that an image rebuilt with
    another compiler never gets a binary the old one made."""
    toolchain = sandbox.toolchain_id()
    return sandbox.name if toolchain is None else f"{sandbox.name}{_TOOLCHAIN_SEPARATOR}{toolchain}"


def cache_key(language: Language, source: str, *, backend: str = "") -> str:
    """The entry for `source` compiled as `language` by the compiler of sandbox `backend`.

    `backend` is `cache_backend(sandbox)` (or a bare backend name): when it carries a toolchain id, that
    id stands for the compiler; otherwise the boxes run the host's compilers and the host's compiler
    version is used. The backend's name is part of the key too, so two backends never share binaries.
    """
    name, _, toolchain = backend.partition(_TOOLCHAIN_SEPARATOR)
    digest = hashlib.sha256()
    # Length-prefixed fields: no two different tuples hash the same text.
    # The compile steps alone say how a language compiles (every argv, its flags included, and the
    # environment they run in): changing any of it invalidates the language's entries.
    steps = "\n".join("\0".join(step.argv) for step in language.compile_steps)
    env = "\0".join(f"{var}={value}" for var, value in language.env)
    env += "\0".join(f"{file}\0{text}" for file, text in language.support_files)
    compiler = f"toolchain {toolchain}" if toolchain else language.compiler_version()
    parts = (name, language.key, compiler, steps, env, source)
    for part in parts:
        data = part.encode("utf-8", "surrogatepass")
        digest.update(len(data).to_bytes(8, "big"))
        digest.update(data)
    return digest.hexdigest()


class BinaryCache:
    def __init__(self, directory: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.directory = directory
        self.max_bytes = max_bytes
        self._lock = threading.Lock()
        self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)

    @classmethod
    def from_config(cls, config: JudgeConfig, *, max_bytes: int = DEFAULT_MAX_BYTES) -> BinaryCache:
        return cls(config.home / "cache", max_bytes=max_bytes)

    def _path(self, key: str) -> Path:
        return self.directory / key[:2] / key

    def get(self, key: str) -> bytes | None:
        path = self._path(key)
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            return None
        with contextlib.suppress(OSError):
            os.utime(path)  # recently used: evicted last
        return data

    def put(self, key: str, data: bytes) -> None:
        if len(data) > self.max_bytes:
            return
        path = self._path(key)
        path.parent.mkdir(exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(tmp, path)  # readers see the whole artifact or none of it
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        self._evict()

    def _entries(self) -> list[tuple[float, int, Path]]:
        entries = []
        for path in self.directory.glob("??/*"):
            if path.name.startswith(".tmp-"):
                continue
            with contextlib.suppress(OSError):
                stat = path.stat()
                entries.append((stat.st_mtime, stat.st_size, path))
        return entries

    def _evict(self) -> None:
        with self._lock:
            entries = self._entries()
            total = sum(size for _, size, _ in entries)
            for _, size, path in sorted(entries):
                if total <= self.max_bytes:
                    break
                with contextlib.suppress(OSError):
                    path.unlink()
                    total -= size
                    log.info("binary cache: evicted %s (%d bytes)", path.name, size)

    def size(self) -> int:
        return sum(size for _, size, _ in self._entries())
