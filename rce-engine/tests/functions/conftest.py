"""A native sandbox of this suite's own (its own home and slot uids 61870-61871, apart from the other
suites' and from a judge on this host), a session-wide artifact cache (each program compiles once), and a
`harness` per test: a fresh box for the test's `language`."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from rce_engine.judge.cache import BinaryCache
from rce_engine.languages import get_language
from rce_engine.sandbox.base import Sandbox
from tests.functions.harness import Harness
from tests.sandbox import support

UID_BASE = 61870


@pytest.fixture(scope="session")
def fn_sandbox() -> Iterator[Sandbox]:
    if os.geteuid() != 0:
        pytest.skip("the native sandbox needs root")
    home = support.new_home()
    try:
        sandbox = support.make_sandbox(home, slots=2, uid_base=UID_BASE)
        sandbox.check()
        yield sandbox
    finally:
        support.remove_home(home)


@pytest.fixture(scope="session")
def artifact_cache() -> Iterator[BinaryCache]:
    directory = Path(tempfile.mkdtemp(prefix="algocode-fn-cache-", dir="/var/tmp"))
    try:
        yield BinaryCache(directory)
    finally:
        shutil.rmtree(directory, ignore_errors=True)


@pytest.fixture
def harness(fn_sandbox: Sandbox, artifact_cache: BinaryCache, language: str) -> Iterator[Harness]:
    with fn_sandbox.open_box() as box:
        yield Harness(box, get_language(language), artifact_cache)
