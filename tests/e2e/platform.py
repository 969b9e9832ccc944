"""The whole platform as real processes for end-to-end and fault tests, isolated from anything else here.

Auth (gunicorn, its own PostgreSQL database), the embedded MongoDB-compatible server, the code manager API
(gunicorn), its result consumer and judge workers (own judge home), all on free ports. With `private=True`
(the default) Redis and RabbitMQ are private servers (tests/e2e/servers.py), so faults may stop them;
otherwise a vhost and a key prefix on the machine's shared servers. Auth uses its own database on the
shared PostgreSQL; the PostgreSQL fault gets a second auth instance on a private cluster
(`auth_on_private_postgres`). Nothing is faked: requests go over HTTP, jobs and results over RabbitMQ.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path

import redis
import requests

from e2e.servers import AmqpProxy, PrivatePostgres, PrivateRabbit, PrivateRedis, free_port, wait_port
from rce_engine.sandbox.native.ro_files import ReadOnlyFiles

ROOT = Path(__file__).resolve().parents[2]
BIN = ROOT / ".venv" / "bin"
PROBLEMS = ROOT / "problems"
SQRT_ID = "f17f511a-8c53-41d3-b750-7673d25835af"


def rabbitmqctl(*args: str) -> str:
    return subprocess.run(
        ["rabbitmqctl", "-q", *args], check=True, capture_output=True, text=True, timeout=120
    ).stdout


def psql(sql: str, port: int = 5432) -> None:
    subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-p",
            str(port),
            "-U",
            "postgres",
            "-d",
            "postgres",
            "-v",
            "ON_ERROR_STOP=1",
            "-c",
            sql,
        ],
        check=True,
        capture_output=True,
        timeout=60,
    )


def auth_argv(port: int) -> list[str]:
    return [
        str(BIN / "gunicorn"),
        "config.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--worker-class",
        "gthread",
        "--threads",
        "8",
        "--no-control-socket",
    ]


def manage(service: str, env: dict[str, str], *args: str, timeout: float = 120) -> None:
    """A one-shot `manage.py` command of a service (migrate, import_problem, create_staff_user)."""
    subprocess.run(
        [BIN / "python", "manage.py", *args],
        cwd=ROOT / service,
        env=env,
        check=True,
        capture_output=True,
        timeout=timeout,
    )


@dataclass
class Process:
    name: str
    argv: list[str]
    cwd: Path
    env: dict[str, str]
    log: Path
    popen: subprocess.Popen | None = None
    log_offset: int = 0  # where this run's output starts in a log shared with earlier runs

    def start(self) -> None:
        logfile = self.log.open("ab")
        self.log_offset = logfile.tell()
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

    def output(self) -> str:
        """What this run of the process logged (a restarted process appends to the same file)."""
        with self.log.open("rb") as f:
            f.seek(self.log_offset)
            return f.read().decode(errors="replace")

    @property
    def alive(self) -> bool:
        return self.popen is not None and self.popen.poll() is None


@dataclass
class Platform:
    var: Path
    workers: int = 2
    rate_limit_capacity: int = 1000
    # The fault suite keeps many submissions of one user in flight; the fairness bench sets the default, 1.
    in_flight_per_user: int = 0
    private: bool = True
    heartbeat: int = 10
    slots: int = 2
    cm_extra_env: dict[str, str] = field(default_factory=dict)
    tag: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    processes: dict[str, Process] = field(default_factory=dict)
    proxies: dict[str, AmqpProxy] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.auth_port, self.cm_port, self.mongo_port = free_port(), free_port(), free_port()
        self.vhost = f"algocode-e2e-{self.tag}"
        self.database = f"algocode_e2e_{self.tag}"
        self.auth_url = f"http://127.0.0.1:{self.auth_port}/api/v1/auth"
        self.cm_url = f"http://127.0.0.1:{self.cm_port}/api/v1"
        # Servers and the judge home live outside pytest's 0700 temp dirs: the postgres user and the
        # sandbox's slot uids must be able to reach them.
        self.home = Path(tempfile.mkdtemp(prefix=f"algocode-e2e-{self.tag}-"))
        self.home.chmod(0o755)
        (self.home / "tmp").mkdir()
        self.judge_home = self.home / "judge"
        self.redis: PrivateRedis | None = None
        self.postgres: PrivatePostgres | None = None
        self.rabbit: PrivateRabbit | None = None
        self.amqp_port, self.pg_port, self.redis_url = 5672, 5432, "redis://127.0.0.1:6379/0"

    @property
    def amqp_url(self) -> str:
        return self._amqp_url(self.amqp_port)

    def _amqp_url(self, port: int) -> str:
        return f"amqp://guest:guest@127.0.0.1:{port}/{self.vhost}?heartbeat={self.heartbeat}"

    @property
    def cgroup_tag(self) -> str:
        """The native sandbox names its cgroups after a hash of the judge home (NativeSandbox)."""
        return hashlib.sha256(str(self.judge_home.resolve()).encode()).hexdigest()[:8]

    def rabbitmqctl(self, *args: str) -> str:
        return self.rabbit.ctl(*args) if self.rabbit else rabbitmqctl(*args)

    def psql(self, sql: str) -> None:
        psql(sql, self.pg_port)

    # ---- lifecycle -------------------------------------------------------------------------------
    def start(self) -> Platform:
        (self.var / "keys").mkdir(parents=True)
        (self.var / "mail").mkdir()
        (self.var / "log").mkdir()
        base = {k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG", "PYTHONPATH")}
        base |= {
            "PYTHONUNBUFFERED": "1",
            "ALGOCODE_ROOT": str(ROOT),
            "LOG_LEVEL": "INFO",
            "LOG_FORMAT": "plain",
        }
        # The judge home's helper and precompiled headers build while the servers start.
        judge_setup = subprocess.Popen(
            [str(BIN / "algocode-judge"), "setup"],
            env=base | {"ALGOCODE_JUDGE_HOME": str(self.judge_home)},
            stdout=(self.var / "log" / "judge-setup.log").open("wb"),
            stderr=subprocess.STDOUT,
        )
        if self.private:
            self.redis = PrivateRedis(self.home / "redis")
            self.redis.start()
            self.redis_url = self.redis.url
            self.rabbit = PrivateRabbit(self.home / "rabbit")
            self.rabbit.start()
            self.amqp_port = self.rabbit.port
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
        self.rabbitmqctl("add_vhost", self.vhost)
        self.rabbitmqctl("set_permissions", "-p", self.vhost, "guest", ".*", ".*", ".*")
        self.psql(f'CREATE DATABASE "{self.database}"')

        self.auth_env = base | {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_SECRET_KEY": f"e2e-{self.tag}-{uuid.uuid4().hex}",
            "DATABASE_URL": f"postgres://postgres@127.0.0.1:{self.pg_port}/{self.database}",
            "ALGOCODE_VAR_DIR": str(self.var),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "LOGIN_THROTTLE_IP_RATE": "100000/min",
            "LOGIN_THROTTLE_EMAIL_RATE": "100000/min",
            "MAIL_THROTTLE_IP_RATE": "100000/min",
            "MAIL_THROTTLE_EMAIL_RATE": "100000/min",
            "REFRESH_THROTTLE_USER_RATE": "100000/min",
            "AMQP_URL": self.amqp_url,  # user.deactivated/v1 into this run's vhost
        }
        self.cm_env = (
            base
            | {
                "DJANGO_SETTINGS_MODULE": "config.settings",
                "MONGO_URL": f"mongodb://127.0.0.1:{self.mongo_port}",
                "REDIS_URL": self.redis_url,
                "REDIS_KEY_PREFIX": f"algocode-e2e-{self.tag}:",
                "AMQP_URL": self.amqp_url,
                "JWT_PUBLIC_KEY_FILE": str(keys / "jwt-public.pem"),
                "CODE_MANAGER_BIND": f"127.0.0.1:{self.cm_port}",
                "GUNICORN_WORKERS": "2",
                "RATE_LIMIT_CAPACITY": str(self.rate_limit_capacity),
                "SUBMISSIONS_IN_FLIGHT_PER_USER": str(self.in_flight_per_user),
                "TEST_DATA_TOKEN": f"test-data-{self.tag}",  # the workers' tests by reference (ADR 0150)
            }
            | self.cm_extra_env
        )
        self.worker_env = base | {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "ALGOCODE_SLOTS": str(self.slots),
            "ALGOCODE_JUDGE_HOME": str(self.judge_home),
            "ALGOCODE_TEST_DATA_URL": f"http://127.0.0.1:{self.cm_port}",
            "ALGOCODE_TEST_DATA_TOKEN": f"test-data-{self.tag}",
            # Test inputs of a worker killed mid-job stay in its temp dir: keep them in ours, removed at stop.
            "TMPDIR": str(self.home / "tmp"),
        }
        manage("auth-service", self.auth_env, "migrate", "--noinput", timeout=300)
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
                # Its defaults (/tmp/nx_27017.pid, .log) are shared by every nx-27017 on the machine: a
                # second one refuses to start while another runs.
                "--pid-file",
                str(self.var / "mongo.pid"),
                "--log-file",
                str(self.var / "log" / "mongo-server.log"),
            ],
            ROOT,
            base,
        )
        self._add(
            "auth",
            auth_argv(self.auth_port),
            ROOT / "auth-service",
            self.auth_env,
        )
        wait_port(self.mongo_port)
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
            self.cm_env,
        )
        self.start_result_consumer()
        if judge_setup.wait(300) != 0:
            raise RuntimeError(f"algocode-judge setup failed; see {self.var / 'log' / 'judge-setup.log'}")
        for n in range(self.workers):
            self.start_worker(n)
        self.wait_healthy()
        # Sqrt(x), the original project's first problem, stays problem 1 (as `make seed` imports it).
        packages = sorted(str(p.parent) for p in PROBLEMS.glob("*/problem.yaml"))
        packages.sort(key=lambda path: Path(path).name != "sqrt-x")
        manage("code-manager", self.cm_env, "import_problem", *packages)
        return self

    def auth_on_private_postgres(self) -> str:
        """A second auth service (same code and keys) on a private PostgreSQL cluster that a fault may stop
        and start; returns its base URL. Started once, on first use."""
        if self.postgres is None:
            self.postgres = PrivatePostgres(self.home / "pg")
            self.postgres.start()
            psql(f'CREATE DATABASE "{self.database}"', self.postgres.port)
            self.auth_pg_port = free_port()
            self.auth_pg_env = self.auth_env | {
                "DATABASE_URL": f"postgres://postgres@127.0.0.1:{self.postgres.port}/{self.database}"
            }
            manage("auth-service", self.auth_pg_env, "migrate", "--noinput", timeout=300)
            self._add(
                "auth-pg",
                auth_argv(self.auth_pg_port),
                ROOT / "auth-service",
                self.auth_pg_env,
            )
        url = f"http://127.0.0.1:{self.auth_pg_port}/api/v1/auth"
        deadline = time.monotonic() + 60
        while True:
            with contextlib.suppress(requests.RequestException):
                if requests.get(f"{url}/healthcheck/", timeout=2).status_code == 200:
                    return url
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"auth on the private PostgreSQL is not healthy; logs in {self.var / 'log'}"
                )
            time.sleep(0.2)

    def start_result_consumer(self, name: str = "cm-results") -> Process:
        return self._add(
            name, [str(BIN / "python"), "manage.py", "consume_results"], ROOT / "code-manager", self.cm_env
        )

    def start_worker(self, n: int) -> Process:
        """Worker n talks to the broker through its own AmqpProxy (see servers.py) so that a fault can
        hold back its ack; the proxy outlives the worker so a restarted worker n reuses it."""
        name = f"worker-{n}"
        if name not in self.proxies:
            self.proxies[name] = AmqpProxy(self.amqp_port)
        env = self.worker_env | {"AMQP_URL": self._amqp_url(self.proxies[name].port)}
        return self._add(name, [str(BIN / "python"), "manage.py", "judge_worker"], ROOT / "rce-engine", env)

    def _add(self, name: str, argv: list[str], cwd: Path, env: dict[str, str]) -> Process:
        process = Process(name, argv, cwd, env, self.var / "log" / f"{name}.log")
        process.start()
        self.processes[name] = process
        return process

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
            logs = [p.output() for n, p in self.processes.items() if n.startswith("worker")]
            if all(" consuming " in text for text in logs):
                return
            time.sleep(0.2)
        raise RuntimeError(f"workers not ready; logs in {self.var / 'log'}")

    def stop(self) -> None:
        for process in reversed(list(self.processes.values())):
            process.stop()
        for proxy in self.proxies.values():
            proxy.close()
        for server in (self.rabbit, self.postgres, self.redis):
            if server is not None:
                server.stop()
        if self.rabbit is None:
            with contextlib.suppress(subprocess.CalledProcessError):
                rabbitmqctl("delete_vhost", self.vhost)
        if self.redis is None:  # the machine's Redis: remove this platform's keys, nobody else's
            shared = redis.Redis.from_url(self.redis_url)
            with contextlib.suppress(redis.RedisError):
                for key in shared.scan_iter(match=f"algocode-e2e-{self.tag}:*", count=1000):
                    shared.delete(key)
            shared.close()
        with contextlib.suppress(subprocess.CalledProcessError):
            psql(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
        # The judge's read-only files are tmpfs copies mounted under its home (ADR 0130): detach them first.
        ReadOnlyFiles(self.judge_home).release()
        shutil.rmtree(self.home, ignore_errors=True)

    # ---- what a user does ------------------------------------------------------------------------
    def register_and_login(self, name: str | None = None, auth_url: str | None = None) -> str:
        """Register through the API, verify with the key from the e-mail, log in; returns the access token."""
        name = name or f"u{uuid.uuid4().hex[:10]}"
        auth_url = auth_url or self.auth_url
        email = f"{name}@example.com"
        password = "a-Long-passw0rd!"
        r = requests.post(
            f"{auth_url}/registration/",
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
        r = requests.post(f"{auth_url}/registration/verify-email/", json={"key": key}, timeout=30)
        assert r.status_code == 200, r.text
        r = requests.post(f"{auth_url}/login/", json={"email": email, "password": password}, timeout=30)
        assert r.status_code == 200, r.text
        return r.json()["access"]

    def create_staff_user(self, email: str, password: str) -> None:
        """Create (or update) a staff account with the auth service's own management command."""
        staff = {
            "ALGOCODE_STAFF_EMAIL": email,
            "ALGOCODE_STAFF_USERNAME": email.split("@")[0].replace("-", "_"),
            "ALGOCODE_STAFF_PASSWORD": password,
        }
        manage("auth-service", self.auth_env | staff, "create_staff_user")

    def staff_token(self) -> str:
        """A staff account's access token (the account is created on first use)."""
        email, password = "fault-staff@example.com", "a-Long-staff-passw0rd!"
        self.create_staff_user(email, password)
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
