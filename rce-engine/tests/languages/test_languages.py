"""Each language's self-test through the real sandbox, the registry, the C++ precompiled header actually
being used inside boxes, and the compile limits."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import UTC, datetime

import pytest

from algocode_contracts import LANGUAGES, JudgeLimits, SubmissionCreated, TestCase, Verdict
from rce_engine.conf import JudgeConfig
from rce_engine.judge import judge_job
from rce_engine.judge import setup as cpp_module
from rce_engine.judge.selftest import run_self_tests
from rce_engine.languages import REGISTRY, UnknownLanguageError, get_language, language_for_path
from rce_engine.sandbox.base import MIB, Limits, Sandbox


def test_registry_matches_the_contract() -> None:
    assert sorted(REGISTRY) == sorted(LANGUAGES)
    assert language_for_path("sol.CPP").key == "cpp"
    assert language_for_path("Main.java").key == "java"
    assert language_for_path("a.c").key == "c"
    assert language_for_path("x.py").key == "python3"
    with pytest.raises(UnknownLanguageError):
        language_for_path("x.kt")
    with pytest.raises(UnknownLanguageError):
        get_language("brainfuck")


def test_cpp_flags_are_the_judges() -> None:
    (step,) = REGISTRY["cpp"].compile_steps
    assert step.argv[:3] == ("g++", "-O2", "-std=c++17")
    assert "-Winvalid-pch" in step.argv
    assert step.argv[3:5] == ("-I", "/opt/algocode/pch")
    assert REGISTRY["c"].compile_steps[0].argv[:3] == ("gcc", "-O2", "-std=gnu11")


def test_java_memory_mapping() -> None:
    java = REGISTRY["java"]
    spec = java.run_spec(cpu_time_s=1.0, memory_bytes=256 * MIB, output_bytes=MIB)
    assert "-Xmx256m" in spec.argv  # the heap is the problem's memory limit
    assert "-XX:+UseSerialGC" in spec.argv
    assert any(arg.startswith("-Xss") for arg in spec.argv)
    assert spec.limits.memory_bytes == 256 * MIB + java.memory_overhead_bytes  # the JVM's own needs on top
    assert spec.limits.max_processes >= 32  # JVM threads
    assert spec.limits.wall_time_s == 1.5  # CPU limit + 0.5 s (docs/adr/0090)


@pytest.mark.parametrize(("cpu_s", "wall_s"), [(0.2, 0.7), (1.0, 1.5), (2.0, 3.0), (4.0, 6.0)])
def test_the_wall_limit_follows_the_cpu_limit_closely(cpu_s: float, wall_s: float) -> None:
    # threat-model.md #44: a sleeping program holds a slot for at most this long per test (it was 2x + 1 s).
    spec = REGISTRY["cpp"].run_spec(cpu_time_s=cpu_s, memory_bytes=64 * MIB, output_bytes=MIB)
    assert spec.limits.wall_time_s == pytest.approx(wall_s)
    assert spec.limits.cpu_time_s == cpu_s


@pytest.mark.parametrize("language", sorted(REGISTRY))
def test_self_test(real_sandbox: Sandbox, language: str) -> None:
    (result,) = run_self_tests(real_sandbox, [language])
    assert result.ok, result.line()
    assert result.line().startswith("ok")


def test_precompiled_header_is_used_in_the_box(real_sandbox: Sandbox, judge_config: JudgeConfig) -> None:
    assert cpp_module.pch_path(judge_config.home).is_file()
    with real_sandbox.open_box() as box:
        box.write_file("main.cpp", b"#include <bits/stdc++.h>\nint main() {}\n")
        argv = (*REGISTRY["cpp"].compile_steps[0].argv, "-H")
        result = box.run(argv, limits=REGISTRY["cpp"].compile_limits)
    assert result.ok, result.stderr[-2000:]
    # g++ -H marks a usable precompiled header with "!" (and "x" for an invalid one)
    assert b"! /opt/algocode/pch/bits/stdc++.h.gch" in result.stderr


def test_pch_build_is_idempotent(judge_config: JudgeConfig) -> None:
    path, built = cpp_module.build_pch(judge_config.home)
    assert not built  # the session already built it: `setup` is fast the second time
    assert path.stat().st_mode & 0o444 == 0o444  # readable by the slot uids


def _job(source: str) -> SubmissionCreated:
    return SubmissionCreated(
        submission_id=uuid.uuid4(),
        language="cpp",
        source=source,
        limits=JudgeLimits(time_limit_ms=1000, memory_limit_kib=65536),
        tests=[TestCase(name="1", input="", answer="")],
        created_at=datetime.now(UTC),
    )


CONSTEXPR_FOREVER = """
constexpr long long spin() {
    long long s = 0;
    for (long long i = 0; i < 200000; i++)
        for (long long j = 0; j < 200000; j++) s += i ^ j;
    return s;
}
constexpr long long value = spin();
int main() { return value == 42; }
"""


def test_compile_time_limit(real_sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    # A 1 s compile limit instead of 20 s keeps the test fast; the mechanism is the same.
    tight = Limits(
        cpu_time_s=1.0, wall_time_s=3.0, memory_bytes=1024 * MIB, max_processes=64, output_bytes=64 * MIB
    )
    monkeypatch.setitem(REGISTRY, "cpp", dataclasses.replace(REGISTRY["cpp"], compile_limits=tight))
    result = judge_job(_job(CONSTEXPR_FOREVER), sandbox=real_sandbox)
    assert result.verdict is Verdict.COMPILE_ERROR
    assert "time limit" in result.message


def test_compile_memory_limit(real_sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch) -> None:
    tight = Limits(
        cpu_time_s=10.0, wall_time_s=20.0, memory_bytes=32 * MIB, max_processes=64, output_bytes=64 * MIB
    )
    monkeypatch.setitem(REGISTRY, "cpp", dataclasses.replace(REGISTRY["cpp"], compile_limits=tight))
    # The 100 MB precompiled header alone does not fit in 32 MiB.
    result = judge_job(_job("#include <bits/stdc++.h>\nint main() {}\n"), sandbox=real_sandbox)
    assert result.verdict is Verdict.COMPILE_ERROR
    assert "memory limit" in result.message


def test_the_contracts_language_list_is_what_the_judge_runs() -> None:
    """contracts/algocode_contracts/languages.json (served by the code manager) must not drift from the
    language modules: `make languages-json` rewrites it. Versions are this host's, so compared apart."""
    from algocode_contracts import language_catalog
    from rce_engine.languages.catalog import catalog

    def without_version(entries: list[dict[str, object]]) -> list[dict[str, object]]:
        return [{k: v for k, v in entry.items() if k != "version"} for entry in entries]

    judge = [dict(entry) for entry in catalog()]
    assert without_version(list(language_catalog())) == without_version(judge)
    assert all(entry["version"] for entry in language_catalog())


def test_a_worker_serves_only_the_languages_whose_self_test_passed(
    real_sandbox: Sandbox, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from rce_engine.sandbox.base import SandboxError
    from rce_engine.worker.services import worker_self_test

    missing = ("/usr/bin/no-such-ruby", "main.rb")
    broken = dataclasses.replace(REGISTRY["ruby"], run_argv=lambda limits: missing)
    monkeypatch.setitem(REGISTRY, "ruby", broken)
    passed = worker_self_test(real_sandbox, ("c", "ruby", "python"), parallel=2)
    assert passed == ("c", "python3")  # ruby's queue is not consumed; `python` is python3's old id
    assert any("ruby" in record.message and record.levelname == "ERROR" for record in caplog.records)
    with pytest.raises(SandboxError, match="every language"):
        worker_self_test(real_sandbox, ("ruby",))
