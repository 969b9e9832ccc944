"""What one run reports through the docker backend: exit status, signals, limits, streams, environment."""

from __future__ import annotations

import concurrent.futures
import dataclasses
import signal

import pytest

from rce_engine.sandbox.base import BASE_ENV, KIB, MIB
from rce_engine.sandbox.docker import DockerBox, DockerSandbox
from tests.docker.support import RUN_LIMITS, run_program, shell

pytestmark = pytest.mark.docker


def test_exit_code_and_output(box: DockerBox) -> None:
    result = shell(box, "echo out; echo err >&2; exit 3")
    assert result.exit_code == 3
    assert result.signal is None
    assert result.stdout == b"out\n"
    assert result.stderr == b"err\n"
    assert not result.ok


def test_stdin_goes_in_and_comes_back_whole(box: DockerBox) -> None:
    data = bytes(range(256)) * (32 * 1024)  # 8 MiB, every byte value
    result = box.run(["cat"], limits=RUN_LIMITS, stdin=data)
    assert result.ok
    assert result.stdout == data


def test_stdin_from_a_host_file(box: DockerBox, tmp_path) -> None:
    path = tmp_path / "input.txt"
    path.write_bytes(b"3 4\n")
    result = shell(box, "read a b; echo $((a * b))", stdin=path)
    assert result.stdout == b"12\n"


def test_program_that_ignores_its_input(box: DockerBox) -> None:
    result = box.run(["true"], limits=RUN_LIMITS, stdin=b"x" * (4 * MIB))
    assert result.ok


def test_signals_are_signals_not_exit_codes(box: DockerBox, programs: dict[str, bytes]) -> None:
    # Without --init the program would be PID 1 and abort() would exit 139 (docs/sandbox.md).
    for name, sig in (("abort", signal.SIGABRT), ("segv", signal.SIGSEGV)):
        result = run_program(box, programs, name)
        assert result.signal == sig, name
        assert result.exit_code is None
        assert not result.oom_killed
    assert result.signal_name == "SIGSEGV"


def test_cpu_limit(box: DockerBox, programs: dict[str, bytes]) -> None:
    limits = dataclasses.replace(RUN_LIMITS, cpu_time_s=0.5, wall_time_s=5.0)
    result = run_program(box, programs, "busy", limits=limits)
    assert result.cpu_limit_exceeded
    assert not result.wall_limit_exceeded
    assert result.signal == signal.SIGKILL
    # Killed by the runner's 10 ms polling, long before the RLIMIT_CPU backstop (2 s). The kill is decided
    # on the container's CPU counter, the report is the program's rusage: under load they differ by a few
    # ms (measured: 0.4995 s reported for a kill at 0.5 s), so the lower bound has a little slack.
    assert 0.45 <= result.cpu_time_s < 1.5


def test_sleep_hits_the_wall_limit(box: DockerBox, programs: dict[str, bytes]) -> None:
    limits = dataclasses.replace(RUN_LIMITS, cpu_time_s=1.0, wall_time_s=0.5)
    result = run_program(box, programs, "sleepy", limits=limits)
    assert result.wall_limit_exceeded
    assert not result.cpu_limit_exceeded
    assert result.signal == signal.SIGKILL
    assert result.wall_time_s >= 0.5


def test_memory_limit_is_an_oom_kill(box: DockerBox, programs: dict[str, bytes]) -> None:
    limits = dataclasses.replace(RUN_LIMITS, memory_bytes=64 * MIB)
    result = run_program(box, programs, "eat_memory", limits=limits)
    assert result.oom_killed
    assert result.signal == signal.SIGKILL
    assert not result.cpu_limit_exceeded


def test_memory_within_the_limit_is_measured(box: DockerBox, programs: dict[str, bytes]) -> None:
    result = run_program(box, programs, "use_memory", "100", limits=dataclasses.replace(RUN_LIMITS))
    assert result.ok
    assert not result.oom_killed
    assert 100 * MIB <= result.memory_bytes < 120 * MIB


def test_per_run_memory_limits_follow_each_run(box: DockerBox, programs: dict[str, bytes]) -> None:
    # One container, limits changed per run (docker update): small, then large, then small again.
    small = dataclasses.replace(RUN_LIMITS, memory_bytes=64 * MIB)
    large = dataclasses.replace(RUN_LIMITS, memory_bytes=512 * MIB)
    assert run_program(box, programs, "use_memory", "200", limits=small).oom_killed
    assert run_program(box, programs, "use_memory", "200", limits=large).ok
    assert run_program(box, programs, "use_memory", "200", limits=small).oom_killed


def test_stdout_flood_is_bounded(box: DockerBox, programs: dict[str, bytes]) -> None:
    limits = dataclasses.replace(RUN_LIMITS, output_bytes=1 * MIB)
    result = run_program(box, programs, "flood", "out", limits=limits)
    assert result.output_limit_exceeded
    assert len(result.stdout) == 1 * MIB
    assert not result.ok


def test_stderr_flood_is_truncated_bytes_kept_raw(box: DockerBox, programs: dict[str, bytes]) -> None:
    limits = dataclasses.replace(RUN_LIMITS, stderr_bytes=4 * KIB, wall_time_s=1.0)
    result = run_program(box, programs, "flood", "err", limits=limits)
    assert len(result.stderr) == 4 * KIB
    # NUL bytes and invalid UTF-8 come back as written, as bytes
    assert b"\0" in result.stderr
    assert b"\xff" in result.stderr


def test_file_size_limit_is_output_limit(box: DockerBox) -> None:
    limits = dataclasses.replace(RUN_LIMITS, output_bytes=64 * KIB)
    result = shell(box, "exec head -c 1000000 /dev/zero > big", limits=limits)
    assert result.output_limit_exceeded  # SIGXFSZ from RLIMIT_FSIZE on the file


def test_environment_is_minimal(box: DockerBox) -> None:
    result = box.run(["env"], limits=RUN_LIMITS, env={"ONLINE_JUDGE": "1"})
    lines = set(result.stdout.decode().splitlines())
    assert lines == {f"{k}={v}" for k, v in {**BASE_ENV, "ONLINE_JUDGE": "1"}.items()}


def test_cwd_is_the_box_dir_private_to_the_box_uid(box: DockerBox) -> None:
    assert shell(box, "pwd; stat -c '%a %u' .").stdout == f"/box\n700 {box.uid}\n".encode()


def test_missing_program_is_exit_127_not_a_sandbox_error(box: DockerBox) -> None:
    """The same contract as the native backend: the program's absence is the submission's doing."""
    result = box.run(["./does-not-exist"], limits=RUN_LIMITS)
    assert result.exit_code == 127
    assert b"cannot execute" in result.stderr


def test_cpu_time_counts_every_thread(box: DockerBox, programs: dict[str, bytes]) -> None:
    limits = dataclasses.replace(RUN_LIMITS, cpu_time_s=0.6, wall_time_s=10.0)
    result = run_program(box, programs, "threads", limits=limits)
    assert result.cpu_limit_exceeded
    assert not result.wall_limit_exceeded
    assert result.cpu_time_s >= 0.6


def test_two_boxes_run_at_once_with_their_own_accounting(sandbox: DockerSandbox, programs) -> None:
    limits = dataclasses.replace(RUN_LIMITS, cpu_time_s=0.4, wall_time_s=10.0)
    with (
        sandbox.open_box() as first,
        sandbox.open_box() as second,
        concurrent.futures.ThreadPoolExecutor(2) as pool,
    ):
        busy = pool.submit(run_program, first, programs, "busy", limits=limits)
        quick = pool.submit(run_program, second, programs, "exit3", limits=limits)
        busy_result, quick_result = busy.result(), quick.result()
    assert busy_result.cpu_limit_exceeded
    assert quick_result.exit_code == 3
    assert not quick_result.cpu_limit_exceeded


def test_memory_filled_through_tmpfs_is_an_oom_kill(box: DockerBox, programs: dict[str, bytes]) -> None:
    # tmpfs pages cannot be reclaimed: the OOM killer may take every process of the container, the
    # runner and its init included. Still MLE, and the box goes on (in a fresh container if need be,
    # with the files write_file put in).
    limits = dataclasses.replace(RUN_LIMITS, memory_bytes=64 * MIB)
    box.write_file("kept", b"kept")
    shell(box, "echo compiled > artifact")
    assert box.read_file("artifact", max_bytes=100) == b"compiled\n"  # as the judge reads a compile's output
    for _ in range(2):  # the box is not left full: the same program is MLE again, not an internal error
        result = run_program(box, programs, "fill_tmp", limits=limits)
        assert result.oom_killed
        assert not result.ok
    # A fresh container, with what write_file put in and what read_file took out (later tests still find
    # their compiled program), and nothing of the files the program made.
    assert shell(box, "cat kept artifact; ls /tmp | wc -l").stdout == b"keptcompiled\n0\n"


def test_oom_is_known_even_when_the_runner_is_killed(box: DockerBox, programs: dict[str, bytes]) -> None:
    # No report: the OOM must come from the engine's own record, and the box goes on.
    limits = dataclasses.replace(RUN_LIMITS, memory_bytes=64 * MIB)
    result = run_program(box, programs, "oom_then_kill_runner", limits=limits)
    assert result.signal == signal.SIGKILL
    assert result.oom_killed
    assert shell(box, "echo next").stdout == b"next\n"
