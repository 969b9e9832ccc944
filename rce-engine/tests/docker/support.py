"""Limits and helpers shared by the docker sandbox tests (and the box behaviour suite's docker param)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import docker
import pytest

from rce_engine.conf import JudgeConfig
from rce_engine.sandbox.base import MIB, Box, Limits, RunResult
from rce_engine.sandbox.docker import DockerBox, DockerSandbox
from rce_engine.sandbox.docker.settings import LABEL_BOX, LABEL_PID

DOCKER_DIR = Path(__file__).resolve().parents[2] / "docker"
PROGRAMS = Path(__file__).with_name("programs")

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


def signal_box_when(sandbox: DockerSandbox, box: DockerBox, marker: str, sig: str) -> None:
    """Send `sig` to every process of the box uid (both runners and the program) once /box/`marker` exists,
    from an exec outside any run, as when a runner is lost (OOM) or stuck. A program cannot do this itself:
    its runner is the init of its own pid namespace (ADR 0034). The exec is started before the run, so it
    gets in even when the run fills the pids limit; it busy-waits on shell builtins for the same reason."""
    wait = f"i=0; while [ ! -e /box/{marker} ] && [ $i -lt 3000000 ]; do i=$((i+1)); done"
    script = f"{wait}; kill -s {sig} -- -1"
    api = sandbox.client.api
    exec_id = api.exec_create(box.container_id, ["sh", "-c", script], user=f"{box.uid}:{box.uid}")
    api.exec_start(exec_id["Id"], detach=True)


def _engine_answers() -> bool:
    try:
        docker.from_env(timeout=5).ping()
        return True
    except Exception:  # no socket, refused, timeouts: all mean "not running"
        return False


def engine_and_image() -> Iterator[None]:
    """A running engine (started here when none answers, stopped again at the end) and a current image."""
    started_here = False
    if not _engine_answers():
        if os.geteuid() != 0:
            pytest.skip("no Docker engine running, and starting one needs root")
        proc = subprocess.run(
            [str(DOCKER_DIR / "dockerd.sh"), "start"], capture_output=True, text=True, timeout=900
        )
        if proc.returncode == 2:
            pytest.skip(f"no Docker engine and docker.io cannot be installed: {proc.stderr.strip()}")
        assert proc.returncode == 0, f"dockerd.sh start failed:\n{proc.stderr}"
        started_here = True
    build = subprocess.run([str(DOCKER_DIR / "build.sh")], capture_output=True, text=True, timeout=3600)
    assert build.returncode == 0, f"build.sh failed:\n{build.stdout[-3000:]}\n{build.stderr[-3000:]}"
    yield
    if started_here and os.environ.get("ALGOCODE_KEEP_DOCKERD") != "1":
        subprocess.run([str(DOCKER_DIR / "dockerd.sh"), "stop"], capture_output=True, timeout=120)


def docker_sandbox() -> Iterator[DockerSandbox]:
    """A checked docker sandbox with two slots; at the end, no box container of this process is left."""
    config = JudgeConfig.from_env({"ALGOCODE_SANDBOX": "docker", "ALGOCODE_SLOTS": "2"})
    sb = DockerSandbox(config)
    sb.check()
    yield sb
    leftovers = our_containers(sb)
    assert leftovers == [], f"box containers left behind: {leftovers}"


def our_containers(sandbox: DockerSandbox) -> list[str]:
    """Box containers (running or not) created by this process."""
    found = sandbox.client.api.containers(
        all=True, filters={"label": [f"{LABEL_BOX}=1", f"{LABEL_PID}={os.getpid()}"]}
    )
    return [c["Names"][0] for c in found]
