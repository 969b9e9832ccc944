"""Turn what the sandbox measured in one run into a verdict (docs/sandbox.md's order, which classified every
experiment correctly): MLE, then TLE (CPU, then wall), then OLE, then RE; only a clean exit is checked."""

from __future__ import annotations

import signal
from dataclasses import dataclass

from algocode_contracts import Verdict
from rce_engine.sandbox.base import RunResult

# A submission's runs may spend this long waiting, in all, plus this many seconds per CPU second they used
# (threat-model.md #44, docs/adr/0090-wall-limit-follows-the-cpu-limit.md). A sleeping program uses no CPU,
# so it has the fixed part only; an honest one waits only for the scheduler, which grows with its CPU use.
IDLE_BUDGET_S = 1.0
IDLE_PER_CPU_S = 2.0


@dataclass(slots=True)
class IdleBudget:
    """Time a submission's runs spent neither on a CPU nor killed for it (wall - CPU), summed over tests."""

    idle_s: float = 0.0
    cpu_s: float = 0.0

    def spend(self, result: RunResult) -> bool:
        """Add one run; True once the submission has waited longer than its budget (then: TLE)."""
        self.cpu_s += result.cpu_time_s
        self.idle_s += max(0.0, result.wall_time_s - result.cpu_time_s)
        return self.idle_s > self.allowed_s

    @property
    def allowed_s(self) -> float:
        return IDLE_BUDGET_S + IDLE_PER_CPU_S * self.cpu_s


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
