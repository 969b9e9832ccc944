"""Judge configuration read from the environment in one place (plain Python: the CLI needs no Django).

Variables:
  ALGOCODE_JUDGE_HOME     state directory: built sandbox helper, precompiled headers, binary cache,
                          box directories. Default: <repo>/var/judge in a source checkout,
                          /var/lib/algocode-judge otherwise.
  ALGOCODE_SANDBOX        "native" (default) or "docker".
  ALGOCODE_SLOTS          how many submissions one process judges at once (default 2).
  ALGOCODE_SLOT_UID_BASE  first unprivileged uid/gid used by the native sandbox (default 61000);
                          slot n runs as uid base+n.
  ALGOCODE_DOCKER_IMAGE   the judge image the docker sandbox runs (default algocode-judge:latest).
  ALGOCODE_BWRAP          the bubblewrap binary of the native sandbox (default /usr/bin/bwrap).
  ALGOCODE_ALLOW_NO_CGROUP_LIMITS
                          "1" lets the native sandbox start without memory/pids control (unsafe,
                          development only).
  ALGOCODE_TEST_DATA_URL  the code manager's internal base URL (e.g. http://code-manager:8001), where the
                          worker fetches tests carried by reference (ADR 0150). Unset: such jobs are IE.
  ALGOCODE_TEST_DATA_TOKEN
                          the bearer token of that endpoint (the code manager's TEST_DATA_TOKEN).
  ALGOCODE_TEST_DATA_CACHE_MB
                          the size cap of the on-disk test-data cache under <home>/test-data (default 4096).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

_SOURCE_ROOT = Path(__file__).resolve().parents[2]


def _default_home() -> Path:
    if (_SOURCE_ROOT / "rce-engine").is_dir() and (_SOURCE_ROOT / "Makefile").is_file():
        return _SOURCE_ROOT / "var" / "judge"
    return Path("/var/lib/algocode-judge")


def _positive_int(text: str) -> int:
    value = int(text)
    if value < 1:
        raise ValueError("ALGOCODE_TEST_DATA_CACHE_MB must be at least 1")
    return value


@dataclass(frozen=True, slots=True)
class JudgeConfig:
    home: Path
    sandbox: str
    slots: int
    slot_uid_base: int
    allow_no_cgroup_limits: bool
    docker_image: str = "algocode-judge:latest"
    bwrap: str = "/usr/bin/bwrap"
    test_data_url: str = ""
    test_data_token: str = ""
    test_data_cache_mb: int = 4096

    @classmethod
    def from_env(cls, env: os._Environ[str] | dict[str, str] = os.environ) -> JudgeConfig:
        sandbox = env.get("ALGOCODE_SANDBOX", "native")
        if sandbox not in ("native", "docker"):
            raise ValueError(f"ALGOCODE_SANDBOX must be 'native' or 'docker', not {sandbox!r}")
        slots = int(env.get("ALGOCODE_SLOTS", "2"))
        if not 1 <= slots <= 64:
            raise ValueError("ALGOCODE_SLOTS must be between 1 and 64")
        return cls(
            home=Path(env.get("ALGOCODE_JUDGE_HOME") or _default_home()),
            sandbox=sandbox,
            slots=slots,
            slot_uid_base=int(env.get("ALGOCODE_SLOT_UID_BASE", "61000")),
            allow_no_cgroup_limits=env.get("ALGOCODE_ALLOW_NO_CGROUP_LIMITS") == "1",
            docker_image=env.get("ALGOCODE_DOCKER_IMAGE") or "algocode-judge:latest",
            bwrap=env.get("ALGOCODE_BWRAP") or "/usr/bin/bwrap",
            test_data_url=env.get("ALGOCODE_TEST_DATA_URL", ""),
            test_data_token=env.get("ALGOCODE_TEST_DATA_TOKEN", ""),
            test_data_cache_mb=_positive_int(env.get("ALGOCODE_TEST_DATA_CACHE_MB") or "4096"),
        )
