"""What a language is to the judge: one declarative `Language` record per language module.

A language says which file the source goes into, how to compile it (a list of argv steps, run inside the
box), which file the compile leaves behind (the cached artifact), how to run it under given limits, which
host paths its toolchain needs inside the box, and how its runtime names a failure on stderr. It knows
nothing about sandboxes or verdicts. Its file extensions are the contract's (`algocode_contracts.EXTENSIONS`).
"""

from __future__ import annotations

import dataclasses
import functools
import re
import subprocess
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from algocode_contracts import EXTENSIONS
from rce_engine.sandbox.base import KIB, MIB, Limits

# The compiler runs in the box with these limits (threat-model.md 1-10). `output_bytes` is also the largest
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

# Slow compilers (rustc, ghc, tsc, under a loaded host) get more: still bounded, still far from forever.
SLOW_COMPILE_LIMITS = dataclasses.replace(COMPILE_LIMITS, cpu_time_s=40.0, wall_time_s=60.0)


# A test's wall limit is its CPU limit plus this share of it, and never less than the CPU limit plus
# WALL_MARGIN_MIN_S (docs/adr/0090-wall-limit-follows-the-cpu-limit.md, threat-model.md #44).
WALL_MARGIN_SHARE = 0.5
WALL_MARGIN_MIN_S = 0.5


# A test whose CPU time stands still this long is TLE at once (an "idleness limit"): a program that sleeps
# or blocks frees its judge slot within a third of a second instead of at the wall limit
# (docs/adr/0093-idleness-limit.md, threat-model.md #44).
IDLE_LIMIT_S = 0.3


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
    """How one test runs: the argv, the limits actually handed to the sandbox, and the environment."""

    argv: tuple[str, ...]
    limits: Limits
    env: dict[str, str]


@dataclass(frozen=True, slots=True)
class PrecompiledHeader:
    """A header `algocode-judge setup` precompiles on the host with exactly the compile's `flags` (g++
    ignores a `.gch` built with other -O/-std flags); boxes see it read-only under `box_dir`."""

    header: str  # as included: "bits/stdc++.h"
    flags: tuple[str, ...]
    box_dir: str  # an -I directory under /opt/algocode (the box's view of <home>/ro)


@dataclass(frozen=True, slots=True)
class Language:
    key: str  # one of algocode_contracts.LANGUAGES: the queue's routing key
    name: str  # for people: "C++17 (g++ 12)"
    # The file the submission is written to inside the box; "{entry}" is replaced by `entry_point`'s name.
    source_file: str
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
    # Host paths (globs allowed) the toolchain needs in the box besides /usr, /bin and /lib, bound
    # read-only at the same place, or (host path, box path) to put one elsewhere.
    host_paths: tuple[str | tuple[str, str], ...] = ()
    # Environment of the compile steps and of every run (on top of the sandbox's PATH/LANG/HOME).
    env: tuple[tuple[str, str], ...] = ()
    precompiled_header: PrecompiledHeader | None = None
    # Files the judge writes next to the source before compiling (TypeScript's Node.js declarations).
    support_files: tuple[tuple[str, str], ...] = ()
    # Finds the entry point's name in the source (Java's class with main); None: the source has none, a
    # compile error saying `no_entry_point`. Unset: the language needs no name.
    entry_point: Callable[[str], str | None] | None = None
    no_entry_point: str = ""
    # On stderr, the runtime's name for a failure (an uncaught exception, a panic): group 1 is shown with a
    # Runtime Error on sample tests. None: the exit code or signal says it all (C, C++).
    failure_pattern: str | None = None

    @property
    def extensions(self) -> tuple[str, ...]:
        """File extensions that mean this language (the contract's list)."""
        return EXTENSIONS[self.key]

    def entry(self, source: str) -> str | None:
        """The entry point's name in `source` ("" when the language needs none), None when it has none."""
        return "" if self.entry_point is None else self.entry_point(source)

    def source_name(self, entry: str) -> str:
        return self.source_file.replace("{entry}", entry)

    def steps_for(self, entry: str) -> tuple[CompileStep, ...]:
        """The compile steps with `{entry}` filled in (the entry point's name, e.g. Java's main class)."""
        if self.entry_point is None:
            return self.compile_steps
        return tuple(
            CompileStep(
                tuple(arg.replace("{entry}", entry) for arg in step.argv),
                None if step.failure is None else step.failure.replace("{entry}", entry),
            )
            for step in self.compile_steps
        )

    def failure_class(self, stderr: str) -> str | None:
        """The runtime's name for why the program failed, read from its stderr (None: none found)."""
        if self.failure_pattern is None:
            return None
        match = re.search(self.failure_pattern, stderr, re.MULTILINE)
        return match.group(1).strip()[:120] if match else None

    @property
    def environment(self) -> dict[str, str]:
        return dict(self.env)

    def run_spec(self, *, cpu_time_s: float, memory_bytes: int, output_bytes: int) -> RunSpec:
        """The argv and sandbox limits of one test under the problem's limits (wall: `wall_limit_s`)."""
        limits = Limits(
            cpu_time_s=cpu_time_s,
            wall_time_s=wall_limit_s(cpu_time_s),
            memory_bytes=memory_bytes + self.memory_overhead_bytes,
            max_processes=self.max_processes,
            output_bytes=output_bytes,
            idle_time_s=IDLE_LIMIT_S,
        )
        # The program sees the problem's memory limit (e.g. -Xmx), the cgroup gets it plus the overhead.
        program_limits = Limits(
            cpu_time_s=cpu_time_s,
            wall_time_s=limits.wall_time_s,
            memory_bytes=memory_bytes,
            max_processes=self.max_processes,
            output_bytes=output_bytes,
        )
        return RunSpec(argv=self.run_argv(program_limits), limits=limits, env=self.environment)

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
