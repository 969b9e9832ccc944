"""Fixtures for the box behaviour suite: every test runs against each backend's real boxes.

`sandbox` is parametrised like the exploit library's `backend`: native (real bwrap and cgroups, as root)
and docker (a real engine and the judge image; the param carries `pytest.mark.docker`, so `make test`
leaves it out and `make test-sandbox-docker` selects it). A test that holds only on one backend says so
with `backend_name`.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from rce_engine.sandbox.base import Sandbox
from tests.docker import support as docker_support
from tests.sandbox import support

# The programs of tests/sandbox/programs, and these of tests/docker/programs (by another name where both
# directories have a program of that name).
DOCKER_PROGRAMS = {"use_memory": "use_memory", "flood": "flood_garbage"}


@pytest.fixture(scope="session", params=["native", pytest.param("docker", marks=pytest.mark.docker)])
def sandbox(request: pytest.FixtureRequest) -> Iterator[Sandbox]:
    if request.param == "docker":
        engine = docker_support.engine_and_image()
        next(engine)
        try:
            yield from docker_support.docker_sandbox()
        finally:
            next(engine, None)
        return
    if os.geteuid() != 0:
        pytest.skip("the native sandbox needs root")
    home = support.new_home()
    try:
        sb = support.make_sandbox(home)
        sb.check()
        yield sb
    finally:
        support.remove_home(home)


@pytest.fixture
def backend_name(sandbox: Sandbox) -> str:
    return sandbox.name


@pytest.fixture(scope="session")
def programs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Static test programs (trusted test code), built on the host once per session."""
    out = tmp_path_factory.mktemp("box-programs")
    built = {src.stem: support.compile_static(src, out) for src in sorted(support.PROGRAMS.glob("*.c"))}
    for source, name in DOCKER_PROGRAMS.items():
        target = out / f"{name}.c"
        target.write_bytes((docker_support.PROGRAMS / f"{source}.c").read_bytes())
        built[name] = support.compile_static(target, out)
    return built
