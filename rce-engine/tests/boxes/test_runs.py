"""What a run in a box reports, the same on every backend: exit status, signals, limits, streams,
environment, and fresh runs (threat-model.md #46). Backend-only behaviour is in tests/sandbox and
tests/docker."""

from __future__ import annotations

import concurrent.futures
import dataclasses
import signal
from pathlib import Path

import pytest

from rce_engine.sandbox.base import BASE_ENV, KIB, MIB, Box, RunResult, Sandbox
from rce_engine.sandbox.docker.settings import ContainerSettings
from tests.sandbox.support import RUN_LIMITS


def _run_program(box: Box, programs: dict[str, bytes], name: str, *args: str, **kwargs) -> RunResult:
    box.write_file(name, programs[name], executable=True)
    return box.run([f"./{name}", *args], **{"limits": RUN_LIMITS, **kwargs})


def _shell(box: Box, script: str, **kwargs) -> RunResult:
    return box.run(["/bin/sh", "-c", script], **{"limits": RUN_LIMITS, **kwargs})


def test_exit_code_is_reported(box: Box, programs: dict[str, bytes]) -> None:
    result = _run_program(box, programs, "exit3")
    assert result.exit_code == 3
    assert result.signal is None
    assert not result.ok


def test_exit_code_and_output(box: Box) -> None:
    result = _shell(box, "echo out; echo err >&2; exit 3")
    assert result.exit_code == 3
    assert result.signal is None
    assert result.stdout == b"out\n"
    assert result.stderr == b"err\n"
    assert not result.ok


def test_hello_is_ok(box: Box, programs: dict[str, bytes]) -> None:
    result = _run_program(box, programs, "hello")
    assert result.ok
    assert result.stdout == b"hello\n"
    assert result.memory_bytes > 0


def test_signals_are_reported_as_signals_not_exit_codes(box: Box, programs: dict[str, bytes]) -> None:
    # The program is never pid 1 (docker: docker-init is; native: the box's init): abort() is SIGABRT,
    # not exit 139 (docs/sandbox.md).
    for name, sig in (("segv", signal.SIGSEGV), ("abort", signal.SIGABRT), ("fpe", signal.SIGFPE)):
        result = _run_program(box, programs, name)
        assert result.signal == sig, name
        assert result.exit_code is None
        assert not result.oom_killed
        assert not result.cpu_limit_exceeded
        if name == "segv":
            assert result.signal_name == "SIGSEGV"
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
    assert result.signal == signal.SIGKILL
    assert result.wall_time_s >= 0.5


def test_waiting_on_stdin_hits_the_wall_limit(box: Box) -> None:
    limits = dataclasses.replace(RUN_LIMITS, wall_time_s=0.5)
    # Reading stdin ends at EOF on both backends (a file, or a pipe the runner closes), so `sleep` stands
    # in for a blocked reader.
    result = box.run(["/bin/sh", "-c", "cat; sleep 10"], limits=limits, stdin=b"x")
    assert result.wall_limit_exceeded
    assert result.stdout == b"x"


def test_memory_limit_gives_oom_with_peak_near_the_limit(
    box: Box, programs: dict[str, bytes], backend_name: str
) -> None:
    limits = dataclasses.replace(RUN_LIMITS, memory_bytes=64 * MIB)
    result = _run_program(box, programs, "eat_memory", limits=limits)
    assert result.oom_killed
    assert result.signal == signal.SIGKILL
    # Docker's limit is the container's: the run's limit plus what its runner, docker-init and the keeper
    # may use (ContainerSettings.memory_overhead_bytes), and the program can take that share too.
    overhead = ContainerSettings().memory_overhead_bytes if backend_name == "docker" else 0
    assert 56 * MIB <= result.memory_bytes <= 66 * MIB + overhead
    assert not result.cpu_limit_exceeded
    assert not result.wall_limit_exceeded


def test_next_run_after_oom_has_its_own_accounting(box: Box, programs: dict[str, bytes]) -> None:
    _run_program(box, programs, "eat_memory", limits=dataclasses.replace(RUN_LIMITS, memory_bytes=32 * MIB))
    result = _run_program(box, programs, "hello")
    assert result.ok
    assert not result.oom_killed
    assert result.memory_bytes < 8 * MIB


def test_memory_within_the_limit_is_measured(box: Box, programs: dict[str, bytes]) -> None:
    result = _run_program(box, programs, "use_memory", "100")
    assert result.ok
    assert not result.oom_killed
    assert 100 * MIB <= result.memory_bytes < 120 * MIB


def test_per_run_memory_limits_follow_each_run(box: Box, programs: dict[str, bytes]) -> None:
    # One box, limits changed per run: small, then large, then small again.
    small = dataclasses.replace(RUN_LIMITS, memory_bytes=64 * MIB)
    large = dataclasses.replace(RUN_LIMITS, memory_bytes=512 * MIB)
    assert _run_program(box, programs, "use_memory", "200", limits=small).oom_killed
    assert _run_program(box, programs, "use_memory", "200", limits=large).ok
    assert _run_program(box, programs, "use_memory", "200", limits=small).oom_killed


def test_stdin_from_bytes_and_from_a_host_file(box: Box, programs: dict[str, bytes], tmp_path: Path) -> None:
    assert _run_program(box, programs, "echo_stdin", stdin=b"1 2 3\n").stdout == b"1 2 3\n"
    data = bytes(range(256)) * 4096
    path = tmp_path / "test.in"
    path.write_bytes(data)
    result = box.run(["./echo_stdin"], limits=RUN_LIMITS, stdin=path)
    assert result.ok
    assert result.stdout == data
    path.write_bytes(b"3 4\n")
    assert _shell(box, "read a b; echo $((a * b))", stdin=path).stdout == b"12\n"


def test_stdin_goes_in_and_comes_back_whole(box: Box) -> None:
    data = bytes(range(256)) * (32 * 1024)  # 8 MiB, every byte value
    result = box.run(["cat"], limits=RUN_LIMITS, stdin=data)
    assert result.ok
    assert result.stdout == data


def test_program_that_ignores_its_input(box: Box) -> None:
    assert box.run(["true"], limits=RUN_LIMITS, stdin=b"x" * (4 * MIB)).ok


def test_stdout_flood_stops_at_the_output_limit(
    box: Box, programs: dict[str, bytes], backend_name: str
) -> None:
    limits = dataclasses.replace(RUN_LIMITS, output_bytes=8 * MIB, wall_time_s=10.0)
    result = _run_program(box, programs, "flood", limits=limits)
    assert result.output_limit_exceeded
    assert len(result.stdout) == 8 * MIB
    assert not result.wall_limit_exceeded
    assert not result.ok
    if backend_name == "native":  # stdout is a file there: RLIMIT_FSIZE; docker's runner reads a pipe
        assert result.signal == signal.SIGXFSZ


def test_output_exactly_at_the_limit_is_fine(box: Box) -> None:
    limits = dataclasses.replace(RUN_LIMITS, output_bytes=1000)
    result = box.run(["/usr/bin/head", "-c", "1000", "/dev/zero"], limits=limits)
    assert result.ok
    assert len(result.stdout) == 1000
    result = box.run(["/usr/bin/head", "-c", "1001", "/dev/zero"], limits=limits)
    assert result.output_limit_exceeded
    assert len(result.stdout) == 1000


def test_file_size_limit_is_output_limit(box: Box) -> None:
    limits = dataclasses.replace(RUN_LIMITS, output_bytes=64 * KIB)
    result = _shell(box, "exec head -c 1000000 /dev/zero > big", limits=limits)
    assert result.output_limit_exceeded  # SIGXFSZ from RLIMIT_FSIZE on the file


def test_stderr_is_truncated(box: Box) -> None:
    limits = dataclasses.replace(RUN_LIMITS, stderr_bytes=4 * KIB)
    result = _shell(box, "head -c 100000 /dev/zero >&2", limits=limits)
    assert result.ok
    assert result.stderr == b"\0" * 4 * KIB


def test_stderr_flood_is_truncated_bytes_kept_raw(box: Box, programs: dict[str, bytes]) -> None:
    limits = dataclasses.replace(RUN_LIMITS, stderr_bytes=4 * KIB, wall_time_s=1.0)
    result = _run_program(box, programs, "flood_garbage", "err", limits=limits)
    assert len(result.stderr) == 4 * KIB
    # NUL bytes and invalid UTF-8 come back as written, as bytes
    assert b"\0" in result.stderr
    assert b"\xff" in result.stderr


def test_stderr_flood_is_drained_and_dropped_not_an_output_limit(
    box: Box, programs: dict[str, bytes]
) -> None:
    limits = dataclasses.replace(
        RUN_LIMITS, output_bytes=KIB, stderr_bytes=KIB, wall_time_s=20.0, cpu_time_s=10.0
    )
    result = _run_program(box, programs, "flood", "stderr", limits=limits)
    assert result.ok, result
    assert result.stderr == b"x" * KIB


def test_environment_is_only_the_base_env_plus_given(box: Box) -> None:
    result = box.run(["/usr/bin/env", "-0"], limits=RUN_LIMITS, env={"EXTRA": "1"})
    pairs = dict(item.split("=", 1) for item in result.stdout.decode().split("\0") if item)
    assert pairs == {**BASE_ENV, "EXTRA": "1"}
    result = box.run(["env"], limits=RUN_LIMITS, env={"ONLINE_JUDGE": "1"})
    lines = set(result.stdout.decode().splitlines())
    assert lines == {f"{k}={v}" for k, v in {**BASE_ENV, "ONLINE_JUDGE": "1"}.items()}


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
    result = _shell(box, "cat /dev/stdin > /dev/stdout; echo err > /dev/stderr", stdin=b"abc")
    assert result.ok, result
    assert result.stdout == b"abc"
    assert result.stderr == b"err\n"


def test_two_boxes_run_at_once_with_their_own_accounting(
    sandbox: Sandbox, programs: dict[str, bytes]
) -> None:
    limits = dataclasses.replace(RUN_LIMITS, cpu_time_s=0.4, wall_time_s=10.0)
    with (
        sandbox.open_box() as first,
        sandbox.open_box() as second,
        concurrent.futures.ThreadPoolExecutor(2) as pool,
    ):
        busy = pool.submit(_run_program, first, programs, "busy", limits=limits)
        quick = pool.submit(_run_program, second, programs, "exit3", limits=limits)
        busy_result, quick_result = busy.result(), quick.result()
    assert busy_result.cpu_limit_exceeded
    assert quick_result.exit_code == 3
    assert not quick_result.cpu_limit_exceeded


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


# ---- fresh runs: nothing passes from one test to the next (threat-model.md #46) ---------------------------

LEAVE_STATE = (
    "echo state > /tmp/t; echo state > /dev/shm/s; echo state > w; mkdir -p d/e && echo x > d/e/f;"
    " chmod 0 d; ln -s /etc/passwd link; echo changed >> main; echo changed > artifact"
)
SHOW_STATE = (
    "ls -A /tmp | wc -l; ls -A /dev/shm | wc -l; ls -A . | sort | tr '\\n' ' '; echo; cat main artifact"
)


def test_a_fresh_run_starts_from_the_kept_files_with_their_bytes(box: Box) -> None:
    box.write_file("main", b"#!/bin/sh\necho program\n", executable=True)
    _shell(box, "echo compiled > artifact")
    assert box.read_file("artifact", max_bytes=100) == b"compiled\n"  # as the judge takes a compile's output
    for _ in range(2):
        assert _shell(box, LEAVE_STATE).ok
        result = _shell(box, SHOW_STATE, fresh=True)
        assert result.stdout == b"0\n0\nartifact main \n#!/bin/sh\necho program\ncompiled\n", result
        assert box.run(["./main"], limits=RUN_LIMITS, fresh=True).stdout == b"program\n"


def test_runs_that_are_not_fresh_share_the_box(box: Box) -> None:
    # Compile steps build on each other (javac, then jar): only fresh runs start over.
    assert _shell(box, "mkdir classes && echo 1 > classes/A; echo 2 > /tmp/x").ok
    assert _shell(box, "cat classes/A /tmp/x").stdout == b"1\n2\n"
    assert _shell(box, "ls -A; ls -A /tmp", fresh=True).stdout == b""


def test_a_fresh_run_removes_a_deep_tree(box: Box) -> None:
    script = "cd /tmp && i=0; while [ $i -lt 300 ]; do mkdir d && cd d || exit 1; i=$((i+1)); done"
    assert _shell(box, script, limits=dataclasses.replace(RUN_LIMITS, wall_time_s=20.0)).ok
    assert _shell(box, "ls -A /tmp", fresh=True).stdout == b""


@pytest.mark.parametrize("name", ["main.py", "Main.java"])
def test_the_kept_source_cannot_be_changed_for_the_next_test(box: Box, name: str) -> None:
    box.write_file(name, b"original\n")
    assert _shell(box, f"echo edited > {name}; chmod 0 {name}", fresh=True).ok
    assert _shell(box, f"cat {name}", fresh=True).stdout == b"original\n"
