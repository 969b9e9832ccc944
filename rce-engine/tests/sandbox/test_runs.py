"""What a single run reports: exit status, signals, limits, stdin/stdout/stderr, environment."""

from __future__ import annotations

import dataclasses
import signal
from pathlib import Path

import pytest

from rce_engine.sandbox.base import BASE_ENV, KIB, MIB, Box
from tests.sandbox.support import RUN_LIMITS


def _run_program(box: Box, programs: dict[str, bytes], name: str, *args: str, **kwargs):
    box.write_file(name, programs[name], executable=True)
    return box.run([f"./{name}", *args], **{"limits": RUN_LIMITS, **kwargs})


def test_exit_code_is_reported(box: Box, programs: dict[str, bytes]) -> None:
    result = _run_program(box, programs, "exit3")
    assert result.exit_code == 3
    assert result.signal is None
    assert not result.ok


def test_hello_is_ok(box: Box, programs: dict[str, bytes]) -> None:
    result = _run_program(box, programs, "hello")
    assert result.ok
    assert result.stdout == b"hello\n"
    assert result.memory_bytes > 0


def test_signals_are_reported_as_signals_not_exit_codes(box: Box, programs: dict[str, bytes]) -> None:
    for name, sig in (("segv", signal.SIGSEGV), ("abort", signal.SIGABRT), ("fpe", signal.SIGFPE)):
        result = _run_program(box, programs, name)
        assert result.signal == sig, name
        assert result.exit_code is None
        assert not result.oom_killed
        assert not result.cpu_limit_exceeded
    assert result.signal == 8
    assert result.signal_name == "SIGFPE"


def test_fractional_cpu_limit_is_cpu_not_wall(box: Box, programs: dict[str, bytes]) -> None:
    limits = dataclasses.replace(RUN_LIMITS, cpu_time_s=0.5, wall_time_s=3.0)
    result = _run_program(box, programs, "busy", limits=limits)
    assert result.cpu_limit_exceeded
    assert not result.wall_limit_exceeded
    assert result.signal == signal.SIGKILL
    # Killed by the 10 ms poll, well before the 2 s RLIMIT_CPU backstop would fire.
    assert 0.5 <= result.cpu_time_s < 1.5


def test_sleep_hits_the_wall_limit(box: Box, programs: dict[str, bytes]) -> None:
    limits = dataclasses.replace(RUN_LIMITS, cpu_time_s=1.0, wall_time_s=0.5)
    result = _run_program(box, programs, "sleepy", limits=limits)
    assert result.wall_limit_exceeded
    assert not result.cpu_limit_exceeded
    assert result.wall_time_s >= 0.5


def test_waiting_on_stdin_hits_the_wall_limit(box: Box) -> None:
    limits = dataclasses.replace(RUN_LIMITS, wall_time_s=0.5)
    # stdin is a regular file: reading it ends at EOF, so `sleep` stands in for a blocked reader.
    result = box.run(["/bin/sh", "-c", "cat; sleep 10"], limits=limits, stdin=b"x")
    assert result.wall_limit_exceeded
    assert result.stdout == b"x"


def test_memory_limit_gives_oom_with_peak_near_the_limit(box: Box, programs: dict[str, bytes]) -> None:
    limits = dataclasses.replace(RUN_LIMITS, memory_bytes=64 * MIB)
    result = _run_program(box, programs, "eat_memory", limits=limits)
    assert result.oom_killed
    assert result.signal == signal.SIGKILL
    assert 56 * MIB <= result.memory_bytes <= 66 * MIB
    assert not result.cpu_limit_exceeded
    assert not result.wall_limit_exceeded


def test_next_run_after_oom_has_its_own_accounting(box: Box, programs: dict[str, bytes]) -> None:
    _run_program(box, programs, "eat_memory", limits=dataclasses.replace(RUN_LIMITS, memory_bytes=32 * MIB))
    result = _run_program(box, programs, "hello")
    assert result.ok
    assert not result.oom_killed
    assert result.memory_bytes < 8 * MIB


def test_stdin_from_bytes_and_from_a_host_file(box: Box, programs: dict[str, bytes], tmp_path: Path) -> None:
    assert _run_program(box, programs, "echo_stdin", stdin=b"1 2 3\n").stdout == b"1 2 3\n"
    data = bytes(range(256)) * 4096
    path = tmp_path / "test.in"
    path.write_bytes(data)
    result = box.run(["./echo_stdin"], limits=RUN_LIMITS, stdin=path)
    assert result.ok
    assert result.stdout == data


def test_stdout_flood_stops_at_the_output_limit(box: Box, programs: dict[str, bytes]) -> None:
    limits = dataclasses.replace(RUN_LIMITS, output_bytes=8 * MIB, wall_time_s=10.0)
    result = _run_program(box, programs, "flood", limits=limits)
    assert result.output_limit_exceeded
    assert result.signal == signal.SIGXFSZ
    assert len(result.stdout) == 8 * MIB
    assert not result.wall_limit_exceeded


def test_output_exactly_at_the_limit_is_fine(box: Box) -> None:
    limits = dataclasses.replace(RUN_LIMITS, output_bytes=1000)
    result = box.run(["/usr/bin/head", "-c", "1000", "/dev/zero"], limits=limits)
    assert result.ok
    assert len(result.stdout) == 1000
    result = box.run(["/usr/bin/head", "-c", "1001", "/dev/zero"], limits=limits)
    assert result.output_limit_exceeded
    assert len(result.stdout) == 1000


def test_stderr_is_truncated(box: Box) -> None:
    limits = dataclasses.replace(RUN_LIMITS, stderr_bytes=4 * KIB)
    result = box.run(["/bin/sh", "-c", "head -c 100000 /dev/zero >&2"], limits=limits)
    assert result.ok
    assert result.stderr == b"\0" * 4 * KIB


def test_environment_is_only_the_base_env_plus_given(box: Box) -> None:
    result = box.run(["/usr/bin/env", "-0"], limits=RUN_LIMITS, env={"EXTRA": "1"})
    pairs = dict(item.split("=", 1) for item in result.stdout.decode().split("\0") if item)
    assert pairs == {**BASE_ENV, "EXTRA": "1"}


def test_missing_program_is_exit_127_not_a_sandbox_error(box: Box) -> None:
    result = box.run(["./does-not-exist"], limits=RUN_LIMITS)
    assert result.exit_code == 127
    assert b"cannot execute" in result.stderr


def test_cpu_time_counts_every_thread(box: Box, programs: dict[str, bytes]) -> None:
    limits = dataclasses.replace(RUN_LIMITS, cpu_time_s=0.6, wall_time_s=5.0)
    result = _run_program(box, programs, "threads", limits=limits)
    assert result.cpu_limit_exceeded
    assert not result.wall_limit_exceeded
    assert result.cpu_time_s >= 0.6


def test_programs_may_reopen_dev_stdin_and_dev_stdout(box: Box) -> None:
    result = box.run(
        ["/bin/sh", "-c", "cat /dev/stdin > /dev/stdout; echo err > /dev/stderr"],
        limits=RUN_LIMITS,
        stdin=b"abc",
    )
    assert result.ok, result
    assert result.stdout == b"abc"
    assert result.stderr == b"err\n"


def test_stderr_flood_is_drained_and_dropped_not_an_output_limit(
    box: Box, programs: dict[str, bytes]
) -> None:
    limits = dataclasses.replace(
        RUN_LIMITS, output_bytes=KIB, stderr_bytes=KIB, wall_time_s=20.0, cpu_time_s=10.0
    )
    result = _run_program(box, programs, "flood", "stderr", limits=limits)
    assert result.ok, result
    assert result.stderr == b"x" * KIB


def test_one_box_survives_every_kind_of_failure_in_a_row(box: Box, programs: dict[str, bytes]) -> None:
    for name in ("hello", "segv", "eat_memory", "flood", "busy", "escape", "abort", "threads"):
        box.write_file(name, programs[name], executable=True)
    limits = dataclasses.replace(
        RUN_LIMITS, cpu_time_s=0.2, wall_time_s=2.0, memory_bytes=32 * MIB, output_bytes=MIB
    )
    checks = {
        "hello": lambda r: r.ok and r.stdout == b"hello\n",
        "segv": lambda r: r.signal == signal.SIGSEGV,
        "eat_memory": lambda r: r.oom_killed,
        "flood": lambda r: r.output_limit_exceeded,
        "busy": lambda r: r.cpu_limit_exceeded,
        "escape": lambda r: r.exit_code == 0,
        "abort": lambda r: r.signal == signal.SIGABRT,
        "threads": lambda r: r.cpu_limit_exceeded,
    }
    for round_ in range(3):
        for name, check in checks.items():
            result = box.run([f"./{name}"], limits=limits)
            assert check(result), (round_, name, result)


def test_a_run_the_box_cannot_set_up_is_a_sandbox_error_and_the_box_stays_usable(box: Box) -> None:
    from rce_engine.sandbox.base import SandboxError

    impossible = dataclasses.replace(RUN_LIMITS, max_open_files=2**40)  # above any hard RLIMIT_NOFILE
    with pytest.raises(SandboxError, match="setting up the run"):
        box.run(["/usr/bin/true"], limits=impossible)
    assert box.run(["/usr/bin/true"], limits=RUN_LIMITS).ok
