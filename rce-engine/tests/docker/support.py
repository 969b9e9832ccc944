"""Limits and helpers shared by the docker sandbox tests."""

from __future__ import annotations

from rce_engine.sandbox.base import MIB, Box, Limits, RunResult

RUN_LIMITS = Limits(
    cpu_time_s=2.0, wall_time_s=5.0, memory_bytes=256 * MIB, max_processes=32, output_bytes=16 * MIB
)
COMPILE_LIMITS = Limits(
    cpu_time_s=20.0, wall_time_s=30.0, memory_bytes=1024 * MIB, max_processes=64, output_bytes=64 * MIB
)


def run_program(box: Box, programs: dict[str, bytes], name: str, *args: str, **kwargs: object) -> RunResult:
    box.write_file(name, programs[name], executable=True)
    return box.run([f"./{name}", *args], **{"limits": RUN_LIMITS, **kwargs})  # type: ignore[arg-type]


def shell(box: Box, script: str, **kwargs: object) -> RunResult:
    return box.run(["sh", "-c", script], **{"limits": RUN_LIMITS, **kwargs})  # type: ignore[arg-type]
