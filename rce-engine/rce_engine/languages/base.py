"""What a language is to the judge: one declarative `Language` record per language module.

A language says which file the source goes into, how to compile it (a list of argv steps, run inside the
box), which file the compile leaves behind (the cached artifact), and how to run it under given limits.
It knows nothing about sandboxes or verdicts.
"""

from __future__ import annotations

import functools
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from rce_engine.sandbox.base import KIB, MIB, Limits

# The compiler runs in the box with these limits (THREATS.md 1-10). `output_bytes` is also the largest
# file the compiler may write (RLIMIT_FSIZE), so it bounds the binary, not the message: the message is
# stderr, kept up to `stderr_bytes`.
COMPILE_LIMITS = Limits(
    cpu_time_s=20.0,
    wall_time_s=30.0,
    memory_bytes=1024 * MIB,
    max_processes=64,
    output_bytes=128 * MIB,
    stderr_bytes=64 * KIB,
)


# A test's wall limit is its CPU limit plus this share of it, and never less than the CPU limit plus
# WALL_MARGIN_MIN_S (docs/adr/0090-wall-limit-follows-the-cpu-limit.md, threat-model.md #44).
WALL_MARGIN_SHARE = 0.5
WALL_MARGIN_MIN_S = 0.5


def wall_limit_s(cpu_time_s: float) -> float:
    """The wall limit of a test: a sleeping or blocked program gets TLE soon after its CPU limit.

    The margin covers process start-up and a little scheduling noise, not idleness: a run's wall time
    is at most its CPU time plus the margin, so a program that sleeps holds a judge slot no longer than
    an honest program that uses its whole CPU limit (Java and Python start-up fit: docs/judge.md).
    """
    return cpu_time_s + max(WALL_MARGIN_MIN_S, WALL_MARGIN_SHARE * cpu_time_s)


@dataclass(frozen=True, slots=True)
class CompileStep:
    """One command of the compile; `failure` replaces the output when the step fails (None: show it)."""

    argv: tuple[str, ...]
    failure: str | None = None


@dataclass(frozen=True, slots=True)
class RunSpec:
    """How one test runs: the argv and the limits actually handed to the sandbox."""

    argv: tuple[str, ...]
    limits: Limits


@dataclass(frozen=True, slots=True)
class Language:
    key: str  # one of algocode_contracts.LANGUAGES: the queue's routing key
    name: str  # for people: "C++17 (g++ 12)"
    source_file: str  # the file the submission is written to inside the box
    extensions: tuple[str, ...]  # file extensions that mean this language (CLI, package submissions)
    artifact: str  # the file the compile leaves in the box; cached and copied into the box on a hit
    compile_steps: tuple[CompileStep, ...]  # empty: nothing to compile, the artifact is the source
    run_argv: Callable[[Limits], tuple[str, ...]]  # argv of a test run, given its limits
    version_argv: tuple[str, ...]  # prints the compiler's version: part of the binary cache key
    self_test_source: str
    self_test_input: str
    self_test_output: str
    compile_limits: Limits = COMPILE_LIMITS
    # Processes + threads a run may have alive at once; fork and thread bombs stop here.
    max_processes: int = 16
    # Memory the runtime itself needs on top of the problem's limit (the JVM: metaspace, code cache, GC).
    memory_overhead_bytes: int = 0
    flags: tuple[str, ...] = field(default=())  # every compile flag, for the cache key and the docs

    def run_spec(self, *, cpu_time_s: float, memory_bytes: int, output_bytes: int) -> RunSpec:
        """The argv and sandbox limits of one test under the problem's limits (wall: `wall_limit_s`)."""
        limits = Limits(
            cpu_time_s=cpu_time_s,
            wall_time_s=wall_limit_s(cpu_time_s),
            memory_bytes=memory_bytes + self.memory_overhead_bytes,
            max_processes=self.max_processes,
            output_bytes=output_bytes,
        )
        # The program sees the problem's memory limit (e.g. -Xmx), the cgroup gets it plus the overhead.
        program_limits = Limits(
            cpu_time_s=cpu_time_s,
            wall_time_s=limits.wall_time_s,
            memory_bytes=memory_bytes,
            max_processes=self.max_processes,
            output_bytes=output_bytes,
        )
        return RunSpec(argv=self.run_argv(program_limits), limits=limits)

    @property
    def compiled(self) -> bool:
        return bool(self.compile_steps)

    def compiler_version(self) -> str:
        return compiler_version(self.version_argv)


@functools.cache
def compiler_version(argv: Sequence[str]) -> str:
    """The first line of `argv`'s version output, captured once per process (host side, no user data)."""
    try:
        proc = subprocess.run(list(argv), capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"unknown ({exc.__class__.__name__})"
    text = (proc.stdout or proc.stderr).decode("utf-8", "replace").strip()
    return text.splitlines()[0] if text else "unknown"
