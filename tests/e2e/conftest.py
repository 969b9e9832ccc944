"""One running platform shared by the end-to-end tests of a session (starting it costs ~30 s).

Its Redis, PostgreSQL and RabbitMQ are private servers, so fault tests may stop them; a 5 s heartbeat
keeps "a worker stopped past two heartbeats" short.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from e2e.platform import Platform


@pytest.fixture(scope="session")
def platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    running = Platform(var=Path(tmp_path_factory.mktemp("platform")), heartbeat=5)
    try:
        yield running.start()
    finally:
        running.stop()


@pytest.fixture(scope="session")
def token(platform: Platform) -> str:
    return platform.register_and_login()
