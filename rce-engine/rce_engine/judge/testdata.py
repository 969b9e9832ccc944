"""Where the judge gets a test's bytes when the job carries them by reference (ADR 0150).

A `TestDataSource` turns a `BlobRef` (sha256 + size) into a host file the sandbox reads as stdin and the
checker reads as the answer, pinned while the test runs:

- `HttpTestData` (the queue worker): fetches `GET <code manager>/internal/v1/test-data/<sha256>` with the
  bearer token, streams it to disk while hashing, refuses anything whose sha256 or size differs (the
  judging becomes IE, never a verdict), and keeps the files in an on-disk LRU cache under a size cap.
  A worker judges a 200 MB test set holding one test's input and answer at a time, never all of it.
- `LocalTestData` (the CLI): the package's own files, found by hash.

The cache is shared by the slots of a worker and by every worker on the host: a file in use holds a shared
`flock`; eviction takes the least recently used files whose exclusive lock it can get, so it never removes
a file a run is reading. Files are written to a temporary name and renamed: a reader never sees half.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import logging
import os
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from algocode_contracts.testdata import BlobRef
from rce_engine.conf import JudgeConfig

log = logging.getLogger(__name__)

_CHUNK = 1024 * 1024
_PART_PREFIX = ".part-"
_STALE_PART_S = 3600.0  # a partial download this old belongs to a process that died


class TestDataError(Exception):
    """A test's bytes could not be had or were not the ones the job names: the judge's fault (IE)."""

    __test__ = False


class TestDataSource(Protocol):
    def open(self, ref: BlobRef) -> contextlib.AbstractContextManager[Path]:
        """A host file holding exactly the bytes of `ref`, valid until the context ends."""
        ...


class LocalTestData:
    """The files of a package on this machine, by sha256 (`ProblemPackage.blob_paths()`)."""

    def __init__(self, paths: dict[str, Path]) -> None:
        self.paths = paths

    @contextlib.contextmanager
    def open(self, ref: BlobRef) -> Iterator[Path]:
        path = self.paths.get(ref.sha256)
        if path is None or not path.is_file() or path.stat().st_size != ref.size:
            raise TestDataError(f"test data {ref.sha256[:12]} is not in the package (changed since read?)")
        yield path


class HttpTestData:
    """Fetch-verify-cache of test data from the code manager (one instance per worker process)."""

    def __init__(
        self, *, base_url: str, token: str, directory: Path, max_bytes: int, timeout_s: float = 60.0
    ) -> None:
        if not base_url.startswith(("http://", "https://")):
            raise ValueError(f"ALGOCODE_TEST_DATA_URL must be an http(s) URL, not {base_url!r}")
        self.base_url = base_url.rstrip("/")
        self.token = token
        self.directory = directory
        self.max_bytes = max_bytes
        self.timeout_s = timeout_s
        self.fetches = 0  # downloads completed by this instance (tests and metrics read it)
        self.fetched_bytes = 0
        self._evicting = threading.Lock()
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)
        os.chmod(directory, 0o700)  # the boxes' uids never read the answers from here

    def path_of(self, ref: BlobRef) -> Path:
        return self.directory / ref.sha256

    @contextlib.contextmanager
    def open(self, ref: BlobRef) -> Iterator[Path]:
        path = self.path_of(ref)
        for _ in range(3):
            try:
                fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
            except FileNotFoundError:
                self._fetch(ref)
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_SH)
                try:
                    same = os.stat(path).st_ino == os.fstat(fd).st_ino
                except FileNotFoundError:
                    same = False
                if not same:
                    continue  # evicted or replaced between open and lock: look again
                if os.fstat(fd).st_size != ref.size:
                    log.warning("test data %s: cached file has the wrong size; fetching again", ref.sha256)
                    path.unlink(missing_ok=True)
                    continue
                os.utime(path)  # most recently used
                yield path
                return
            finally:
                os.close(fd)  # releases the lock
        raise TestDataError(f"test data {ref.sha256[:12]}: could not keep it in the cache")

    def _fetch(self, ref: BlobRef) -> None:
        url = f"{self.base_url}/internal/v1/test-data/{ref.sha256}"
        # http(s) only: the scheme is checked in __init__.
        request = urllib.request.Request(url, headers={"Authorization": f"Bearer {self.token}"})  # noqa: S310
        part = self.directory / f"{_PART_PREFIX}{os.getpid()}-{threading.get_ident()}-{ref.sha256}"
        digest = hashlib.sha256()
        size = 0
        try:
            with urllib.request.urlopen(request, timeout=self.timeout_s) as response, part.open("wb") as out:  # noqa: S310
                while chunk := response.read(_CHUNK):
                    size += len(chunk)
                    if size > ref.size:
                        break
                    digest.update(chunk)
                    out.write(chunk)
        except urllib.error.HTTPError as exc:
            part.unlink(missing_ok=True)
            what = f"the code manager answered {exc.code}"
            raise TestDataError(f"test data {ref.sha256[:12]}: {what}") from None
        except (OSError, ValueError) as exc:
            part.unlink(missing_ok=True)
            raise TestDataError(f"test data {ref.sha256[:12]}: cannot fetch ({exc})") from None
        if size != ref.size or digest.hexdigest() != ref.sha256:
            part.unlink(missing_ok=True)
            # Never judged against: a corrupted or substituted blob is an Internal Error (threat-model #76).
            raise TestDataError(
                f"test data {ref.sha256[:12]}: the bytes received do not match their sha256 or size"
            )
        part.replace(self.path_of(ref))
        self.fetches += 1
        self.fetched_bytes += size
        log.info("test data %s fetched (%d bytes)", ref.sha256, size)
        self.evict(keep=self.path_of(ref))

    def entries(self) -> list[os.stat_result]:
        return [entry.stat() for entry in os.scandir(self.directory) if not entry.name.startswith(".")]

    def evict(self, keep: Path | None = None) -> int:
        """Remove least recently used files until the cache is under its cap; returns bytes removed.
        Files in use (a shared lock held) stay, even when that leaves the cache over the cap."""
        removed = 0
        with self._evicting:
            now = time.time()
            files = []
            for entry in os.scandir(self.directory):
                stat = entry.stat()
                if entry.name.startswith(_PART_PREFIX):
                    if now - stat.st_mtime > _STALE_PART_S:
                        Path(entry.path).unlink(missing_ok=True)
                    continue
                files.append((stat.st_mtime, stat.st_size, Path(entry.path)))
            total = sum(size for _, size, _ in files)
            for _, size, path in sorted(files):
                if total <= self.max_bytes:
                    break
                if path != keep and self._remove_unless_in_use(path):
                    total -= size
                    removed += size
        return removed

    @staticmethod
    def _remove_unless_in_use(path: Path) -> bool:
        try:
            fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        except FileNotFoundError:
            return False
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                return False  # a run is reading it
            path.unlink(missing_ok=True)
            log.info("test data %s evicted", path.name)
            return True
        finally:
            os.close(fd)


def test_data_from_config(config: JudgeConfig) -> TestDataSource:
    """The worker's source: the code manager over HTTP with a cache, or none when not configured."""
    if not config.test_data_url or not config.test_data_token:
        log.warning("no ALGOCODE_TEST_DATA_URL/TOKEN: jobs with tests by reference will be IE")
        return NoTestData()
    return HttpTestData(
        base_url=config.test_data_url,
        token=config.test_data_token,
        directory=config.home / "test-data",
        max_bytes=config.test_data_cache_mb * 1024 * 1024,
    )


test_data_from_config.__test__ = False  # type: ignore[attr-defined]


class NoTestData:
    """No source configured: a job with references is an Internal Error that says what is missing."""

    @contextlib.contextmanager
    def open(self, ref: BlobRef) -> Iterator[Path]:
        raise TestDataError(
            f"test data {ref.sha256[:12]} is by reference and this judge has no test-data source "
            "(set ALGOCODE_TEST_DATA_URL and ALGOCODE_TEST_DATA_TOKEN)"
        )
        yield Path()  # pragma: no cover - a generator, for contextmanager


def read_head(path: Path, limit: int) -> bytes:
    """The first `limit` bytes of a file (what a sample shows), never the whole file."""
    with path.open("rb") as file:
        return file.read(limit)
