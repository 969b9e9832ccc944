"""The runner protocol and the exec stream framing, without a Docker engine (part of the fast suite)."""

from __future__ import annotations

import struct

import pytest

from rce_engine.sandbox.base import MIB, Limits, RunRequest, SandboxError, check_name
from rce_engine.sandbox.docker.exec_stream import _Demux
from rce_engine.sandbox.docker.protocol import runner_command, split_report, to_result

LIMITS = Limits(cpu_time_s=1.5, wall_time_s=3.0, memory_bytes=256 * MIB, max_processes=8, output_bytes=100)
REPORT = (
    b'ALGOCODE-RUN/2 {"exit_code": -1, "signal": 9, "cpu_us": 1600000, "wall_us": 1700000, '
    b'"maxrss_kib": 2048, "oom_before": 1, "oom_after": 2, "cpu_exceeded": false, "wall_exceeded": false, '
    b'"output_exceeded": false, "stdout_bytes": 3, "stderr_bytes": 5, "cgroup_cpu": true, '
    b'"unkillable": false, "error": null}\n'
)


def run_argv(
    argv: list[str], limits: Limits, env: dict[str, str] | None, *, fresh: bool = False
) -> list[str]:
    return runner_command(RunRequest.build(argv, limits=limits, env=env, fresh=fresh))


def _frame(stream: int, payload: bytes) -> bytes:
    return struct.pack(">BxxxL", stream, len(payload)) + payload


def test_report_becomes_a_run_result() -> None:
    parsed = split_report(REPORT + b"oops\n")
    assert parsed is not None
    report, stderr = parsed
    result = to_result(report, stdout=b"out", stderr=stderr, limits=LIMITS)
    assert result.signal == 9
    assert result.exit_code is None
    assert result.oom_killed  # the container's oom_kill counter rose during the run
    assert result.cpu_limit_exceeded  # 1.6 s of CPU over a 1.5 s limit, even if not killed for it
    assert result.memory_bytes == 2 * MIB
    assert result.stderr == b"oops\n"


def test_no_report_is_none_and_a_broken_one_is_an_error() -> None:
    assert split_report(b"Segmentation fault\n") is None
    assert split_report(b"ALGOCODE-RUN/2 {no newline") is None
    with pytest.raises(SandboxError):
        split_report(b"ALGOCODE-RUN/2 {not json}\n")


def test_stdout_size_mismatch_is_an_error() -> None:
    report, _ = split_report(REPORT)
    with pytest.raises(SandboxError, match="stdout bytes"):
        to_result(report, stdout=b"", stderr=b"", limits=LIMITS)


def test_runner_error_is_a_sandbox_error() -> None:
    report, _ = split_report(REPORT.replace(b'"error": null', b'"error": "cannot start ./x: ENOENT"'))
    with pytest.raises(SandboxError, match="cannot start"):
        to_result(report, stdout=b"out", stderr=b"", limits=LIMITS)


def test_run_argv_carries_limits_and_only_the_given_environment() -> None:
    argv = run_argv(["./main", "arg"], LIMITS, {"EXTRA": "1"})
    assert argv[argv.index("--cpu-us") + 1] == "1500000"
    assert argv[argv.index("--stack") + 1] == str(256 * MIB)
    assert argv[-3:] == ["--", "./main", "arg"]
    envs = [argv[i + 1] for i, a in enumerate(argv) if a == "--env"]
    assert "EXTRA=1" in envs
    assert "HOME=/box" in envs
    assert "--fresh" not in argv
    assert "--fresh" in run_argv(["./main"], LIMITS, None, fresh=True)


def test_run_argv_refuses_nul_and_bad_names() -> None:
    with pytest.raises(SandboxError):
        run_argv(["./main", "a\0b"], LIMITS, None)
    with pytest.raises(SandboxError):
        run_argv(["./main"], LIMITS, {"A=B": "1"})
    with pytest.raises(SandboxError):
        run_argv([], LIMITS, None)
    for bad in ("", ".", "..", "a/b", "/etc/passwd", "x\0"):
        with pytest.raises(SandboxError):
            check_name(bad)


def test_demux_splits_and_bounds_streams() -> None:
    demux = _Demux(max_stdout=5, max_stderr=100)
    data = _frame(1, b"hello world") + _frame(2, b"err") + _frame(1, b"more")
    for i in range(0, len(data), 3):  # frames split across reads
        demux.feed(data[i : i + 3])
    assert bytes(demux.out) == b"hello"
    assert demux.overflow[1]
    assert bytes(demux.err) == b"err"
    assert not demux.overflow[2]
