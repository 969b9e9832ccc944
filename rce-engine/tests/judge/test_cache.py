"""The binary cache: keys, atomic writes, bounded size, and a repeated submission skipping the compile
in the real sandbox."""

from __future__ import annotations

import contextlib
import dataclasses
import os
import time
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path

from algocode_contracts import Verdict
from rce_engine.judge import BinaryCache, cache_key, judge_job, judge_job_report
from rce_engine.judge.cache import cache_backend
from rce_engine.languages import REGISTRY
from rce_engine.sandbox.base import Box, Limits, RunResult, Sandbox
from tests.judge.support import case_job


def test_key_depends_on_language_source_flags_and_compiler() -> None:
    cpp, c = REGISTRY["cpp"], REGISTRY["c"]
    key = cache_key(cpp, "int main(){}")
    assert key == cache_key(cpp, "int main(){}")
    assert key != cache_key(cpp, "int main(){ }")
    assert key != cache_key(c, "int main(){}")
    # Flags are part of the compile steps, the key's only description of how a language compiles.
    o0 = (
        dataclasses.replace(
            cpp.compile_steps[0], argv=tuple(a.replace("-O2", "-O0") for a in cpp.compile_steps[0].argv)
        ),
    )
    assert key != cache_key(dataclasses.replace(cpp, compile_steps=o0), "int main(){}")
    assert key != cache_key(dataclasses.replace(cpp, env=(("LANG", "C"),)), "int main(){}")
    other_compiler = dataclasses.replace(cpp, version_argv=("gcc", "--version"))
    assert key != cache_key(other_compiler, "int main(){}")
    steps = (dataclasses.replace(cpp.compile_steps[0], argv=("g++", "-O2", "main.cpp")),)
    assert key != cache_key(dataclasses.replace(cpp, compile_steps=steps), "int main(){}")
    assert key != cache_key(cpp, "int main(){}", backend="docker")  # another compiler binary
    assert len(key) == 64


class _ImageSandbox(Sandbox):
    """A backend whose boxes run their own compilers (like docker's image), identified by `toolchain`."""

    name = "image"

    def __init__(self, toolchain: str | None) -> None:
        self.toolchain = toolchain

    def check(self) -> None:
        pass

    def open_box(self) -> contextlib.AbstractContextManager[Box]:
        raise NotImplementedError

    def toolchain_id(self) -> str | None:
        return self.toolchain


def test_key_follows_the_backends_own_toolchain_not_the_hosts() -> None:
    cpp = REGISTRY["cpp"]
    built_by_old_image = cache_key(cpp, "int main(){}", backend=cache_backend(_ImageSandbox("sha256:old")))
    assert built_by_old_image == cache_key(
        cpp, "int main(){}", backend=cache_backend(_ImageSandbox("sha256:old"))
    )
    # A rebuilt image (another compiler) never finds the old image's binary.
    assert built_by_old_image != cache_key(
        cpp, "int main(){}", backend=cache_backend(_ImageSandbox("sha256:new"))
    )
    # The host's compiler does not matter to a backend with its own toolchain...
    other_host_compiler = dataclasses.replace(cpp, version_argv=("gcc", "--version"))
    assert built_by_old_image == cache_key(
        other_host_compiler, "int main(){}", backend=cache_backend(_ImageSandbox("sha256:old"))
    )
    # ...and is the compiler of a backend whose boxes run the host's /usr (native: toolchain_id() is None).
    host = cache_backend(_ImageSandbox(None))
    assert host == "image"
    assert cache_key(cpp, "int main(){}", backend=host) != cache_key(
        other_host_compiler, "int main(){}", backend=host
    )


def test_put_get_and_no_temporary_files_left(tmp_path: Path) -> None:
    cache = BinaryCache(tmp_path / "cache")
    assert cache.get("ab" * 32) is None
    cache.put("ab" * 32, b"\x7fELF binary")
    assert cache.get("ab" * 32) == b"\x7fELF binary"
    assert [p.name for p in (tmp_path / "cache").rglob("*") if p.is_file()] == ["ab" * 32]


def test_size_is_bounded_and_oldest_unused_go_first(tmp_path: Path) -> None:
    cache = BinaryCache(tmp_path, max_bytes=3000)
    keys = [f"{i:02d}" * 32 for i in range(4)]
    for index, key in enumerate(keys[:3]):
        cache.put(key, bytes(1000))
        past = time.time() - 100 + index
        os.utime(cache._path(key), (past, past))
    assert cache.get(keys[0]) is not None  # used again: now the most recent
    cache.put(keys[3], bytes(1000))
    assert cache.size() <= 3000
    assert cache.get(keys[1]) is None  # the least recently used went
    assert all(cache.get(k) is not None for k in (keys[0], keys[2], keys[3]))


def test_oversized_artifact_is_not_cached(tmp_path: Path) -> None:
    cache = BinaryCache(tmp_path, max_bytes=10)
    cache.put("cd" * 32, bytes(11))
    assert cache.get("cd" * 32) is None


class _CountingBox(Box):
    def __init__(self, inner: Box, runs: list[tuple[str, ...]]) -> None:
        self.inner, self.runs = inner, runs

    def write_file(self, name: str, data: bytes, *, executable: bool = False) -> None:
        self.inner.write_file(name, data, executable=executable)

    def read_file(self, name: str, *, max_bytes: int) -> bytes | None:
        return self.inner.read_file(name, max_bytes=max_bytes)

    def run(
        self,
        argv: Sequence[str],
        *,
        limits: Limits,
        stdin: bytes | Path = b"",
        env: Mapping[str, str] | None = None,
    ) -> RunResult:
        self.runs.append(tuple(argv))
        return self.inner.run(argv, limits=limits, stdin=stdin, env=env)

    def close(self) -> None:
        self.inner.close()


class CountingSandbox(Sandbox):
    """The real sandbox, recording every argv run in it."""

    name = "counting"

    def __init__(self, inner: Sandbox) -> None:
        self.inner = inner
        self.runs: list[tuple[str, ...]] = []

    def check(self) -> None:
        self.inner.check()

    @contextlib.contextmanager
    def open_box(self) -> Iterator[Box]:
        with self.inner.open_box() as box:
            yield _CountingBox(box, self.runs)


def test_repeated_submission_skips_the_compile(real_sandbox: Sandbox, tmp_path: Path) -> None:
    cache = BinaryCache(tmp_path / "cache")
    sandbox = CountingSandbox(real_sandbox)
    first = judge_job_report(case_job("ac.cpp"), sandbox=sandbox, cache=cache)
    assert first.result.verdict is Verdict.ACCEPTED
    assert sum(argv[0] == "g++" for argv in sandbox.runs) == 1
    sandbox.runs.clear()

    second = judge_job_report(case_job("ac.cpp"), sandbox=sandbox, cache=cache)  # a new submission id
    assert second.result.verdict is Verdict.ACCEPTED
    assert second.compile is not None
    assert second.compile.cache_hit
    assert [argv[0] for argv in sandbox.runs] == ["./main"] * 3  # the tests only, no g++


def test_java_jar_is_cached_too(real_sandbox: Sandbox, tmp_path: Path) -> None:
    cache = BinaryCache(tmp_path / "cache")
    sandbox = CountingSandbox(real_sandbox)
    assert judge_job(case_job("Main.java"), sandbox=sandbox, cache=cache).verdict is Verdict.ACCEPTED
    sandbox.runs.clear()
    assert judge_job(case_job("Main.java"), sandbox=sandbox, cache=cache).verdict is Verdict.ACCEPTED
    assert all(argv[0] == "java" for argv in sandbox.runs)


def test_compile_errors_are_not_cached(real_sandbox: Sandbox, tmp_path: Path) -> None:
    cache = BinaryCache(tmp_path / "cache")
    assert judge_job(case_job("ce.cpp"), sandbox=real_sandbox, cache=cache).verdict is Verdict.COMPILE_ERROR
    assert cache.size() == 0
