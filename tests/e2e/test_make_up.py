"""`make up`'s wait (deploy/supervise.py, with the Makefile's arguments) never reports success while a
judge worker is down: the real rce-engine/deploy/supervisor.conf under a private supervisord, with the
native sandbox pointed at a missing bubblewrap, fails naming the process and showing why."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from e2e.servers import free_port

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
sys.path.insert(0, str(ROOT / "deploy"))

import supervise  # noqa: E402  (deploy/ is not a package: the Makefile runs the script by path)


def supervisord_conf(root: Path) -> Path:
    """What the Makefile generates, for a root whose only program is the judge workers."""
    var = root / "var"
    conf = var / "supervisord.conf"
    conf.write_text(
        "\n".join(
            [
                "[unix_http_server]",
                f"file={var}/run/supervisor.sock",
                "[supervisord]",
                f"logfile={var}/log/supervisord.log",
                f"pidfile={var}/run/supervisord.pid",
                f"directory={root}",
                "[rpcinterface:supervisor]",
                "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
                "[include]",
                f"files = {root}/*/deploy/supervisor.conf",
                "",
            ]
        )
    )
    return conf


@pytest.mark.skipif(os.geteuid() != 0, reason="the judge workers run as root under make up")
def test_up_fails_naming_the_worker_that_cannot_start(tmp_path: Path) -> None:
    root = tmp_path / "root"
    for sub in ("var/log", "var/run"):
        (root / sub).mkdir(parents=True)
    # Log and ready files under this root, code and virtualenv from the checkout.
    (root / ".venv").symlink_to(ROOT / ".venv")
    (root / "rce-engine").symlink_to(ROOT / "rce-engine")
    conf = supervisord_conf(root)
    env = {
        "PATH": os.environ["PATH"],
        "ALGOCODE_ROOT": str(root),
        "JUDGE_METRICS_PORT": str(free_port()),
        "ALGOCODE_BWRAP": str(tmp_path / "missing" / "bwrap"),
        "ALGOCODE_JUDGE_HOME": str(tmp_path / "judge"),
        "AMQP_URL": f"amqp://guest:guest@127.0.0.1:{free_port()}/%2F",
        # Where workers fetch test data by reference (ADR 0150): `make up` passes both (PLATFORM_ENV).
        "CODE_MANAGER_BIND": f"127.0.0.1:{free_port()}",
        "TEST_DATA_TOKEN": "unused-here",
    }
    subprocess.run([BIN / "supervisord", "-c", conf], env=env, check=True, timeout=30)
    socket = root / "var" / "run" / "supervisor.sock"
    try:
        wait = subprocess.run(
            [BIN / "python", ROOT / "deploy" / "supervise.py", "wait", "--socket", socket,
             "--run-dir", root / "var" / "run", "--ready-group", "judge-worker", "--timeout", "120"],
            capture_output=True, text=True, timeout=180,
        )  # fmt: skip
    finally:
        pid = int((root / "var" / "run" / "supervisord.pid").read_text())
        supervise.supervisor_proxy(socket).shutdown()
        while Path(f"/proc/{pid}").exists():
            time.sleep(0.1)
    assert wait.returncode == 1, wait.stdout + wait.stderr
    # It fails when the worker does (named, with its state), not after the 120 s timeout.
    assert re.search(r"judge-worker:judge-worker-[01] is (BACKOFF|FATAL|EXITED)", wait.stderr)
    assert "bubblewrap not found at " + env["ALGOCODE_BWRAP"] in wait.stderr  # the log's last lines


def test_a_ready_file_of_an_earlier_process_does_not_count(tmp_path: Path) -> None:
    info = {"name": "judge-worker-0", "group": "judge-worker", "statename": "RUNNING", "pid": 4242}
    ready = tmp_path / "judge-worker-0.ready"
    ready.write_text(json.dumps({"pid": 4241, "languages": ["cpp"]}))
    assert supervise.not_ready([info], run_dir=tmp_path, ready_groups={"judge-worker"}) == [
        "judge-worker:judge-worker-0"
    ]
    ready.write_text(json.dumps({"pid": 4242, "languages": ["cpp"]}))
    assert supervise.not_ready([info], run_dir=tmp_path, ready_groups={"judge-worker"}) == []
    failed = info | {"statename": "FATAL", "description": "Exited too quickly", "stdout_logfile": "/nope"}
    with pytest.raises(supervise.NotUp, match="judge-worker:judge-worker-0 is FATAL"):
        supervise.not_ready([failed], run_dir=tmp_path, ready_groups=set())
