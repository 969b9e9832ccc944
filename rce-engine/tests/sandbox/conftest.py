"""Fixtures for the native sandbox tests: real bwrap and cgroups, run as root."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from rce_engine.sandbox.base import Sandbox
from tests.sandbox import support

pytestmark = pytest.mark.skipif(os.geteuid() != 0, reason="the native sandbox needs root")


@pytest.fixture(scope="session")
def sandbox_home() -> Iterator[Path]:
    home = support.new_home()
    yield home
    support.remove_home(home)


@pytest.fixture(scope="session")
def sandbox(sandbox_home: Path) -> Sandbox:
    if os.geteuid() != 0:
        pytest.skip("the native sandbox needs root")
    sb = support.make_sandbox(sandbox_home)
    sb.check()
    return sb


@pytest.fixture(scope="session")
def programs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Static test programs from tests/sandbox/programs/, built once per session."""
    out = tmp_path_factory.mktemp("programs")
    return {src.stem: support.compile_static(src, out) for src in sorted(support.PROGRAMS.glob("*.c"))}
