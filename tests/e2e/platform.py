"""The whole platform as real processes for end-to-end and fault tests, isolated from anything else here.

Auth (gunicorn, its own PostgreSQL database), the embedded MongoDB-compatible server, the code manager API
(gunicorn), its result consumer and judge workers, all on free ports, with a private RabbitMQ vhost and a
private Redis key prefix. Nothing is faked: requests go over HTTP, jobs and results over RabbitMQ.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import socket
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
PROBLEMS = ROOT / "problems"
SQRT_ID = "f17f511a-8c53-41d3-b750-7673d25835af"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rabbitmqctl(*args: str) -> str:
    return subprocess.run(
        ["rabbitmqctl", "-q", *args], check=True, capture_output=True, text=True, timeout=120
    ).stdout


def psql(sql: str) -> None:
    subprocess.run(
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", sql],
        check=True,
        capture_output=True,
        timeout=60,
    )


@dataclass
class Process:
    name: str
    argv: list[str]
    cwd: Path
    env: dict[str, str]
    log: Path
    popen: subprocess.Popen | None = None

    def start(self) -> None:
        logfile = self.log.open("ab")
        self.popen = subprocess.Popen(
            self.argv,
            cwd=self.cwd,
            env=self.env,
            stdout=logfile,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        logfile.close()

    def signal(self, signum: int) -> None:
        assert self.popen is not None
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.popen.pid, signum)

    def stop(self, timeout: float = 30) -> None:
        if self.popen is None or self.popen.poll() is not None:
            return
        self.signal(signal.SIGTERM)
        try:
            self.popen.wait(timeout)
        except subprocess.TimeoutExpired:
            self.signal(signal.SIGKILL)
            self.popen.wait(10)

    def kill(self) -> None:
        if self.popen is not None and self.popen.poll() is None:
            self.signal(signal.SIGKILL)
            self.popen.wait(10)

    @property
    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None


@dataclass
class Platform:
    var: Path
    workers: int = 2
    rate_limit_capacity: int = 1000
    tag: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    processes: dict[str, Process] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.auth_port, self.cm_port, self.mongo_port = free_port(), free_port(), free_port()
        self.vhost = f"algocode-e2e-{self.tag}"
        self.database = f"algocode_e2e_{self.tag}"
        self.auth_url = f"http://127.0.0.1:{self.auth_port}/api/v1/auth"
        self.cm_url = f"http://127.0.0.1:{self.cm_port}/api/v1"
        self.amqp_url = f"amqp://guest:guest@127.0.0.1:5672/{self.vhost}?heartbeat=10"

    # ---- lifecycle -------------------------------------------------------------------------------
    def start(self) -> Platform:
        (self.var / "keys").mkdir(parents=True)
        (self.var / "mail").mkdir()
        (self.var / "log").mkdir()
        keys = self.var / "keys"
        subprocess.run(
            [
                "openssl",
                "genpkey",
                "-algorithm",
                "RSA",
                "-pkeyopt",
                "rsa_keygen_bits:2048",
                "-out",
                keys / "jwt-private.pem",
            ],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            ["openssl", "pkey", "-in", keys / "jwt-private.pem", "-pubout", "-out", keys / "jwt-public.pem"],
            check=True,
            capture_output=True,
        )
        rabbitmqctl("add_vhost", self.vhost)
        rabbitmqctl("set_permissions", "-p", self.vhost, "guest", ".*", ".*", ".*")
        psql(f'CREATE DATABASE "{self.database}"')

        base = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "PYTHONPATH")}
        base |= {"PYTHONUNBUFFERED": "1", "ALGOCODE_ROOT": str(ROOT), "LOG_LEVEL": "INFO"}
        auth_env = base | {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_SECRET_KEY": f"e2e-{self.tag}-{uuid.uuid4().hex}",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{self.database}",
            "ALGOCODE_VAR_DIR": str(self.var),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "LOGIN_THROTTLE_IP_RATE": "1000/min",
            "LOGIN_THROTTLE_EMAIL_RATE": "1000/min",
            "MAIL_THROTTLE_IP_RATE": "1000/min",
        }
        cm_env = base | {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "MONGO_URL": f"mongodb://127.0.0.1:{self.mongo_port}",
            "REDIS_KEY_PREFIX": f"algocode-e2e-{self.tag}:",
            "AMQP_URL": self.amqp_url,
            "JWT_PUBLIC_KEY_FILE": str(keys / "jwt-public.pem"),
            "CODE_MANAGER_BIND": f"127.0.0.1:{self.cm_port}",
            "GUNICORN_WORKERS": "2",
            "RATE_LIMIT_CAPACITY": str(self.rate_limit_capacity),
        }
        self.worker_env = base | {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "AMQP_URL": self.amqp_url,
            "ALGOCODE_SLOTS": "2",
        }
        subprocess.run(
            [BIN / "python", "manage.py", "migrate", "--noinput"],
            cwd=ROOT / "auth-service",
            env=auth_env,
            check=True,
            capture_output=True,
            timeout=300,
        )
        self._add(
            "mongo",
            [
                str(BIN / "nx-27017"),
                "--host",
                "127.0.0.1",
                "-p",
                str(self.mongo_port),
                "--data-dir",
                str(self.var / "mongo"),
            ],
            ROOT,
            base,
        )
        self._add(
            "auth",
            [
                str(BIN / "gunicorn"),
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{self.auth_port}",
                "--worker-class",
                "gthread",
                "--threads",
                "8",
                "--no-control-socket",
            ],
            ROOT / "auth-service",
            auth_env,
        )
        self._wait_port(self.mongo_port)
        self._add(
            "cm-api",
            [
                str(BIN / "gunicorn"),
                "-c",
                "config/gunicorn.py",
                "config.wsgi:application",
                "--no-control-socket",
            ],
            ROOT / "code-manager",
            cm_env,
        )
        self._add(
            "cm-results", [str(BIN / "python"), "manage.py", "consume_results"], ROOT / "code-manager", cm_env
        )
        for n in range(self.workers):
            self.start_worker(n)
        self.wait_healthy()
        subprocess.run(
            [
                BIN / "python",
                "manage.py",
                "import_problem",
                *sorted(str(p.parent) for p in PROBLEMS.glob("*/problem.yaml")),
            ],
            cwd=ROOT / "code-manager",
            env=cm_env,
            check=True,
            capture_output=True,
            timeout=120,
        )
        self.cm_env = cm_env
        return self

    def start_worker(self, n: int) -> Process:
        return self._add(
            f"worker-{n}",
            [str(BIN / "python"), "manage.py", "judge_worker"],
            ROOT / "rce-engine",
            self.worker_env,
        )

    def _add(self, name: str, argv: list[str], cwd: Path, env: dict[str, str]) -> Process:
        process = Process(name, argv, cwd, env, self.var / "log" / f"{name}.log")
        process.start()
        self.processes[name] = process
        return process

    def _wait_port(self, port: int, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
                return
            time.sleep(0.1)
        raise RuntimeError(f"nothing listens on {port}; logs in {self.var / 'log'}")

    def wait_healthy(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        urls = [f"{self.auth_url}/healthcheck/", f"{self.cm_url}/common/healthcheck/"]
        while urls:
            if time.monotonic() > deadline:
                raise RuntimeError(f"not healthy: {urls}; logs in {self.var / 'log'}")
            with contextlib.suppress(requests.RequestException):
                if requests.get(urls[0], timeout=2).status_code == 200:
                    urls.pop(0)
                    continue
            time.sleep(0.2)
        self.wait_workers_ready()

    def wait_workers_ready(self, timeout: float = 120) -> None:
        """Workers self-test every language before consuming: wait until each one consumes."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            logs = [
                p.log.read_text(errors="replace") for n, p in self.processes.items() if n.startswith("worker")
            ]
            if all(" consuming " in text for text in logs):
                return
            time.sleep(0.2)
        raise RuntimeError(f"workers not ready; logs in {self.var / 'log'}")

    def stop(self) -> None:
        for process in reversed(list(self.processes.values())):
            process.stop()
        with contextlib.suppress(subprocess.CalledProcessError):
            rabbitmqctl("delete_vhost", self.vhost)
        with contextlib.suppress(subprocess.CalledProcessError):
            psql(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')

    # ---- what a user does ------------------------------------------------------------------------
    def register_and_login(self, name: str | None = None) -> str:
        """Register through the API, verify with the key from the e-mail, log in; returns the access token."""
        name = name or f"u{uuid.uuid4().hex[:10]}"
        email = f"{name}@example.com"
        password = "a-Long-passw0rd!"
        r = requests.post(
            f"{self.auth_url}/registration/",
            json={
                "username": name,
                "email": email,
                "password1": password,
                "password2": password,
                "first_name": "E2E",
                "last_name": "User",
            },
            timeout=30,
        )
        assert r.status_code == 201, r.text
        key = self.mail_key(email)
        r = requests.post(f"{self.auth_url}/registration/verify-email/", json={"key": key}, timeout=30)
        assert r.status_code == 200, r.text
        r = requests.post(f"{self.auth_url}/login/", json={"email": email, "password": password}, timeout=30)
        assert r.status_code == 200, r.text
        return r.json()["access"]

    def mail_key(self, email: str) -> str:
        for path in sorted((self.var / "mail").iterdir(), key=lambda p: p.stat().st_mtime, reverse=True):
            text = path.read_text(errors="replace")
            if email in text:
                match = re.search(r"account-confirm-email/([^/\s]+)/", text)
                if match:
                    return match.group(1)
        raise AssertionError(f"no verification mail for {email}")

    def submit(
        self, token: str, code: str, lang: str = "cpp", problem_id: str = SQRT_ID
    ) -> requests.Response:
        return requests.post(
            f"{self.cm_url}/code/submit/",
            json={"problem_id": problem_id, "lang": lang, "code": code},
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
        )

    def result(self, token: str, submission_id: str, timeout: float = 120) -> dict:
        """Poll result/check like a client would until the verdict is there."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            r = requests.get(
                f"{self.cm_url}/result/check/{submission_id}/",
                headers={"Authorization": f"Bearer {token}"},
                timeout=30,
            )
            if r.status_code == 200:
                return r.json()["data"]
            assert r.status_code == 202, r.text
        raise AssertionError(f"no verdict for {submission_id} within {timeout}s")
