"""The runner's command line and its report: the contract with rce-engine/docker/runner.c.

Pure functions, so the parsing of what comes back from a box is tested without a Docker engine.
"""

from __future__ import annotations

import enum
import json
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from rce_engine.sandbox.base import BASE_ENV, Limits, RunResult, SandboxError
from rce_engine.sandbox.docker.settings import RUNNER_PATH

REPORT_MAGIC = b"ALGOCODE-RUN/2 "
# The report line itself is small; anything longer is not a report.
MAX_REPORT_BYTES = 4096


class RunnerExit(enum.IntEnum):
    """Exit statuses of the runner's file modes (runner.c)."""

    OK = 0
    USAGE = 2
    NOT_A_FILE = 3
    TOO_BIG = 4
    IO_ERROR = 5
    UNKILLABLE = 6


def _check_arg(value: str, what: str) -> str:
    if "\0" in value:
        raise SandboxError(f"{what} contains a NUL byte")
    return value


def check_name(name: str) -> str:
    """A plain file name in the box: no slash, not `.`/`..`, no NUL."""
    if not name or "/" in name or name in (".", "..") or "\0" in name:
        raise SandboxError(f"not a plain file name: {name!r}")
    return name


def run_argv(argv: Sequence[str], limits: Limits, env: Mapping[str, str] | None) -> list[str]:
    """The exec command line: the runner with the run's limits and environment, then the program."""
    if not argv:
        raise SandboxError("empty argv")
    full_env = {**BASE_ENV, **(env or {})}
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
    for key, value in full_env.items():
        if not key or "=" in key:
            raise SandboxError(f"bad environment variable name {key!r}")
        cmd += ["--env", _check_arg(f"{key}={value}", "environment")]
    cmd.append("--")
    cmd += [_check_arg(a, "argv") for a in argv]
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


def to_result(report: Report, *, stdout: bytes, stderr: bytes, limits: Limits) -> RunResult:
    """A RunResult from the runner's own accounting (never from anything the program printed)."""
    if report.error is not None:
        raise SandboxError(f"runner: {report.error}")
    if report.stdout_bytes != len(stdout):
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
