"""One running platform shared by the end-to-end tests of a session (starting it costs ~20 s)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from e2e.platform import Platform


@pytest.fixture(scope="session")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    running = Platform(var=Path(tmp_path_factory.mktemp("platform")))
    try:
        yield running.start()
    finally:
        running.stop()


@pytest.fixture(scope="session")
def token(platform: Platform) -> str:
    return platform.register_and_login()
