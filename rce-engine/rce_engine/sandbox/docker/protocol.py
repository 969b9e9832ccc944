"""The runner's command line and its report: the contract with rce-engine/docker/runner.c.

Pure functions, so the parsing of what comes back from a box is tested without a Docker engine. The
numbers the runner shares with this side (exit statuses, the report's magic) are in
`rce_engine.sandbox.wire`; what a run may ask for is checked once, by `RunRequest.build`.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass

from rce_engine.sandbox.base import Limits, RunRequest, RunResult, SandboxError
from rce_engine.sandbox.docker.settings import RUNNER_PATH
from rce_engine.sandbox.wire import RUNNER_REPORT_MAGIC, RunnerExit

__all__ = [
    "MAX_REPORT_BYTES",
    "REPORT_MAGIC",
    "Report",
    "RunnerExit",
    "runner_command",
    "split_report",
    "to_result",
]

REPORT_MAGIC = RUNNER_REPORT_MAGIC.encode()
# The report line itself is small; anything longer is not a report.
MAX_REPORT_BYTES = 4096


def runner_command(request: RunRequest) -> list[str]:
    """The exec command line: the runner with the run's limits and environment, then the program.

    `--fresh`: the runner first empties /box, /tmp and /dev/shm and copies the kept files back from the
    container's /kept (see DockerBox), so nothing passes from one test to the next."""
    limits = request.limits
    cmd = [
        RUNNER_PATH,
        "run",
        "--cpu-us",
        str(max(1, math.ceil(limits.cpu_time_s * 1_000_000))),
        "--wall-us",
        str(max(1, math.ceil(limits.wall_time_s * 1_000_000))),
        "--stack",
        str(limits.memory_bytes),
        "--fsize",
        str(limits.output_bytes),
        "--out",
        str(limits.output_bytes),
        "--err",
        str(limits.stderr_bytes),
        "--nofile",
        str(limits.max_open_files),
    ]
    if request.fresh:
        cmd.append("--fresh")
    for key, value in request.env.items():
        cmd += ["--env", f"{key}={value}"]
    cmd.append("--")
    cmd += request.argv
    return cmd


@dataclass(frozen=True, slots=True)
class Report:
    exit_code: int | None
    signal: int | None
    cpu_us: int
    wall_us: int
    maxrss_kib: int
    oom_before: int
    oom_after: int
    cpu_exceeded: bool
    wall_exceeded: bool
    output_exceeded: bool
    stdout_bytes: int
    stderr_bytes: int
    unkillable: bool  # processes of the run survived the runner's kill sweep
    error: str | None


def split_report(runner_stderr: bytes) -> tuple[Report, bytes] | None:
    """The report and the program's stderr from the runner's stderr; None when there is no report.

    Only the runner writes its stderr (the program gets a pipe of its own), so the first line is trusted.
    """
    if not runner_stderr.startswith(REPORT_MAGIC):
        return None
    newline = runner_stderr.find(b"\n", 0, MAX_REPORT_BYTES)
    if newline < 0:
        return None
    try:
        raw = json.loads(runner_stderr[len(REPORT_MAGIC) : newline])
        report = Report(
            exit_code=raw["exit_code"] if raw["exit_code"] >= 0 else None,
            signal=raw["signal"] if raw["signal"] >= 0 else None,
            cpu_us=int(raw["cpu_us"]),
            wall_us=int(raw["wall_us"]),
            maxrss_kib=int(raw["maxrss_kib"]),
            oom_before=int(raw["oom_before"]),
            oom_after=int(raw["oom_after"]),
            cpu_exceeded=bool(raw["cpu_exceeded"]),
            wall_exceeded=bool(raw["wall_exceeded"]),
            output_exceeded=bool(raw["output_exceeded"]),
            stdout_bytes=int(raw["stdout_bytes"]),
            stderr_bytes=int(raw["stderr_bytes"]),
            unkillable=bool(raw["unkillable"]),
            error=raw["error"],
        )
    except (ValueError, KeyError, TypeError) as exc:
        raise SandboxError(f"malformed runner report: {exc}") from exc
    return report, runner_stderr[newline + 1 :]


def to_result(
    report: Report, *, stdout: bytes, stderr: bytes, limits: Limits, streamed: bool = False
) -> RunResult:
    """A RunResult from the runner's own accounting (never from anything the program printed)."""
    if report.error is not None:
        raise SandboxError(f"runner: {report.error}")
    if not streamed and report.stdout_bytes != len(stdout):  # a streamed stdout went to its Stream
        raise SandboxError(f"runner reported {report.stdout_bytes} stdout bytes, {len(stdout)} arrived")
    return RunResult(
        exit_code=report.exit_code,
        signal=report.signal,
        cpu_time_s=report.cpu_us / 1_000_000,
        wall_time_s=report.wall_us / 1_000_000,
        memory_bytes=report.maxrss_kib * 1024,
        # Any OOM kill in the container during the run: only the run's processes allocate there.
        oom_killed=report.oom_after > report.oom_before,
        cpu_limit_exceeded=report.cpu_exceeded or report.cpu_us > limits.cpu_time_s * 1_000_000,
        wall_limit_exceeded=report.wall_exceeded,
        output_limit_exceeded=report.output_exceeded,
        stdout=stdout[: limits.output_bytes],
        stderr=stderr[: limits.stderr_bytes],
    )
