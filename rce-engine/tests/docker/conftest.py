"""Fixtures for the docker sandbox tests: a real Docker engine and the real judge image.

The engine is started when none answers (rce-engine/docker/dockerd.sh, which installs docker.io when
missing) and stopped again at the end if these fixtures started it; the image is built when missing
or stale (rce-engine/docker/build.sh, idempotent; slow only the first time). The tests are skipped
only when no engine can be had at all. Select them with `-m docker`; `make test` runs `-m "not docker"`.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import docker
import docker.errors
import pytest

from rce_engine.conf import JudgeConfig
from rce_engine.sandbox.docker import DockerBox, DockerSandbox
from rce_engine.sandbox.docker.settings import LABEL_BOX, LABEL_PID

DOCKER_DIR = Path(__file__).resolve().parents[2] / "docker"
PROGRAMS = Path(__file__).with_name("programs")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "docker: needs a Docker engine and the judge image (slow to set up)")


def _engine_answers() -> bool:
    try:
        docker.from_env(timeout=5).ping()
        return True
    except Exception:  # no socket, refused, timeouts: all mean "not running"
        return False


@pytest.fixture(scope="session")
def docker_engine() -> Iterator[None]:
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


@pytest.fixture(scope="session")
def sandbox(docker_engine: None) -> Iterator[DockerSandbox]:
    config = JudgeConfig.from_env({"ALGOCODE_SANDBOX": "docker", "ALGOCODE_SLOTS": "2"})
    sb = DockerSandbox(config)
    sb.check()
    yield sb
    leftovers = our_containers(sb)
    assert leftovers == [], f"box containers left behind: {leftovers}"


@pytest.fixture
def box(sandbox: DockerSandbox) -> Iterator[DockerBox]:
    with sandbox.open_box() as b:
        yield b


@pytest.fixture(scope="session")
def programs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Static test programs (trusted test code, built on the host once per session)."""
    out = tmp_path_factory.mktemp("docker-programs")
    built = {}
    for src in sorted(PROGRAMS.glob("*.c")):
        binary = out / src.stem
        subprocess.run(["gcc", "-O1", "-static", "-pthread", "-o", str(binary), str(src)], check=True)
        built[src.stem] = binary.read_bytes()
    return built


def our_containers(sandbox: DockerSandbox) -> list[str]:
    """Box containers (running or not) created by this process."""
    found = sandbox.client.api.containers(
        all=True, filters={"label": [f"{LABEL_BOX}=1", f"{LABEL_PID}={os.getpid()}"]}
    )
    return [c["Names"][0] for c in found]
