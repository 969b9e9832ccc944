"""Turn what the sandbox measured in one run into a verdict (docs/sandbox.md's order, which classified every
experiment correctly): MLE, then TLE (CPU, then wall), then OLE, then RE; only a clean exit is checked."""

from __future__ import annotations

import signal

from algocode_contracts import Verdict
from rce_engine.sandbox.base import RunResult


def run_verdict(result: RunResult) -> Verdict | None:
    """The verdict a run earned before its output is looked at; None when it exited cleanly with 0."""
    if result.oom_killed:
        return Verdict.MEMORY_LIMIT_EXCEEDED
    if result.cpu_limit_exceeded or result.signal == signal.SIGXCPU:
        return Verdict.TIME_LIMIT_EXCEEDED
    if result.wall_limit_exceeded:
        return Verdict.TIME_LIMIT_EXCEEDED
    if result.output_limit_exceeded or result.signal == signal.SIGXFSZ:
        return Verdict.OUTPUT_LIMIT_EXCEEDED
    if result.signal is not None or result.exit_code != 0:
        return Verdict.RUNTIME_ERROR
    return None


def runtime_error_detail(result: RunResult) -> str:
    """ "SIGSEGV: Segmentation fault" or "exit code 3": what a Runtime Error message shows."""
    if result.signal is not None:
        try:
            description = signal.strsignal(result.signal)
        except ValueError:
            description = None
        name = result.signal_name or f"signal {result.signal}"
        return f"{name}: {description}" if description else name
    return f"exit code {result.exit_code}"


def test_message(verdict: Verdict, test_name: str, result: RunResult | None) -> str:
    """The one line users see: "Runtime Error (SIGSEGV: Segmentation fault) on test secret/3"."""
    if verdict is Verdict.RUNTIME_ERROR and result is not None:
        return f"{verdict.label} ({runtime_error_detail(result)}) on test {test_name}"
    return f"{verdict.label} on test {test_name}"
