"""Fixtures for the docker sandbox tests: a real Docker engine and the real judge image.

The engine is started when none answers (rce-engine/docker/dockerd.sh, which installs docker.io when
missing) and stopped again at the end if these fixtures started it; the image is built when missing
or stale (rce-engine/docker/build.sh, idempotent; slow only the first time). The tests are skipped
only when no engine can be had at all. Select them with `-m docker`; `make test` runs `-m "not docker"`.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator

import pytest

from rce_engine.sandbox.docker import DockerSandbox
from tests.docker.support import PROGRAMS, docker_sandbox, engine_and_image


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "docker: needs a Docker engine and the judge image (slow to set up)")


@pytest.fixture(scope="session")
def docker_engine() -> Iterator[None]:
    yield from engine_and_image()


@pytest.fixture(scope="session")
def sandbox(docker_engine: None) -> Iterator[DockerSandbox]:
    yield from docker_sandbox()


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
