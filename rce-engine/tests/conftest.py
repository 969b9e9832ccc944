"""Fixtures shared by the judge-core tests: the real sandbox of this host (ALGOCODE_SANDBOX picks the
backend, native by default), set up once per session exactly as `algocode-judge setup` does; and `box`,
an open box of whatever `sandbox` the test's own package provides (tests/sandbox, tests/docker,
tests/boxes)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from rce_engine import sandbox as sandbox_pkg
from rce_engine.conf import JudgeConfig
from rce_engine.judge.setup import setup_host
from rce_engine.sandbox.base import Box, Sandbox


@pytest.fixture(scope="session")
def judge_config() -> JudgeConfig:
    config = JudgeConfig.from_env()
    for _ in setup_host(config):  # idempotent: builds the helper and the PCH only when missing
        pass
    return config


@pytest.fixture(scope="session")
def real_sandbox(judge_config: JudgeConfig) -> Sandbox:
    sandbox = sandbox_pkg.get_sandbox(judge_config)
    sandbox.check()  # a host that cannot sandbox fails these tests loudly, never skips them
    return sandbox


@pytest.fixture
def box(sandbox: Sandbox) -> Iterator[Box]:
    with sandbox.open_box() as b:
        yield b
