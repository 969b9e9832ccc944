"""The web client in a real headless Chromium (web/e2e/run.mjs, playwright-core with Debian's chromium)
against the whole platform behind the local proxy (web/deploy/run-proxy.sh), like `make up` serves it.

`make test` runs the short flow (register → verify from the mail → log in → Sqrt(x) → Accepted 5/5);
WEB_E2E_SUITE=full (CI, `make test-web`) runs every flow, and WEB_E2E_SCREENSHOTS=dir saves the README's
screenshots. The platform has its own 3-token rate-limit bucket with a 120 s refill, so the 4th quick
submit meets the countdown whatever the machine's load.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from e2e.platform import ROOT, Platform
from e2e.servers import free_port, wait_port

WEB = ROOT / "web"
STAFF_EMAIL, STAFF_PASSWORD = "web-staff@example.com", "a-Long-staff-passw0rd!"


@pytest.fixture(scope="module")
def web_platform(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Platform, str]]:
    for tool in ("node", "nginx"):
        assert shutil.which(tool) or Path(f"/usr/sbin/{tool}").exists(), f"{tool} is needed (see .ci/run)"
    assert (WEB / "dist" / "index.html").exists(), "web/dist is missing: run make setup (it builds web/)"
    running = Platform(
        var=Path(tmp_path_factory.mktemp("web-platform")),
        workers=1,
        private=False,
        rate_limit_capacity=3,
        cm_extra_env={"RATE_LIMIT_REFILL_SECONDS": "120"},
    )
    try:
        running.start()
        running.create_staff_user(STAFF_EMAIL, STAFF_PASSWORD)
        port = free_port()
        auth_port, cm_port = running.auth_port, running.cm_port
        running._add(
            "web-proxy",
            ["/bin/sh", str(WEB / "deploy" / "run-proxy.sh")],
            ROOT,
            running.auth_env
            | {
                "WEB_LISTEN": f"127.0.0.1:{port}",
                "AUTH_UPSTREAM": f"127.0.0.1:{auth_port}",
                "CM_UPSTREAM": f"127.0.0.1:{cm_port}",
                "WEB_VAR": str(running.var),
            },
        )
        wait_port(port)
        yield running, f"http://127.0.0.1:{port}"
    finally:
        running.stop()


def test_the_web_client_in_a_real_browser(web_platform: tuple[Platform, str]) -> None:
    platform, base = web_platform
    suite = os.environ.get("WEB_E2E_SUITE", "short")
    env = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")} | {
        "BASE_URL": base,
        "MAIL_DIR": str(platform.var / "mail"),
        "SUITE": suite,
        "STAFF_EMAIL": STAFF_EMAIL,
        "STAFF_PASSWORD": STAFF_PASSWORD,
    }
    if os.environ.get("WEB_E2E_SCREENSHOTS"):
        env["SCREENSHOTS"] = os.environ["WEB_E2E_SCREENSHOTS"]
    run = subprocess.run(
        ["node", "e2e/run.mjs"], cwd=WEB, env=env, capture_output=True, text=True, timeout=900
    )
    print(run.stdout, run.stderr)
    assert run.returncode == 0, f"{run.stdout}\n{run.stderr}\nproxy log: {platform.var / 'log'}"
    assert " 0 failed" in run.stdout
