"""Login latency of the auth service, against the healthcheck measured in the same run as the baseline.

    .venv/bin/python bench/auth_login.py                  # starts its own gunicorn (SQLite, fresh keys)
    .venv/bin/python bench/auth_login.py --url http://127.0.0.1:8000 --email E --password P

With --url nothing is started; the account must exist and be verified (e.g. `manage.py
create_staff_user`), and the server's LOGIN_THROTTLE_*_RATE must allow N logins a minute or the
run stops at the first 429. Login is dominated by password hashing (PBKDF2, Django's default).
"""

import argparse
import http.client
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
SERVICE = ROOT / "auth-service"
VENV_BIN = ROOT / ".venv" / "bin"


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def timed_requests(url: str, method: str, path: str, body: dict | None, count: int) -> list[float]:
    """`count` sequential requests over one keep-alive connection; seconds each. Fails on non-2xx."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port or 80, timeout=30)
    payload = json.dumps(body).encode() if body is not None else None
    headers = {"Content-Type": "application/json"} if payload else {}
    samples = []
    for _ in range(count):
        started = time.perf_counter()
        conn.request(method, path, body=payload, headers=headers)
        response = conn.getresponse()
        data = response.read()
        samples.append(time.perf_counter() - started)
        if response.status >= 300:
            sys.exit(f"{method} {path} -> {response.status}: {data[:200]!r}")
    conn.close()
    return samples


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextmanager
def own_server(email: str, password: str) -> Iterator[str]:
    """A gunicorn like `make up` runs (1 process, gthread), on SQLite in a temp dir, throttling off."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    with tempfile.TemporaryDirectory(prefix="auth-bench-") as tmp:
        port = free_port()
        env = {
            **os.environ,
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DATABASE_URL": os.environ.get("DATABASE_URL", f"sqlite:///{tmp}/auth.sqlite3"),
            "ALGOCODE_VAR_DIR": tmp,
            "JWT_PRIVATE_KEY": key.private_bytes(
                serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
            ).decode(),
            "LOGIN_THROTTLE_IP_RATE": "1000000/min",
            "LOGIN_THROTTLE_EMAIL_RATE": "1000000/min",
            "ALGOCODE_STAFF_EMAIL": email,
            "ALGOCODE_STAFF_USERNAME": "bench_user",
            "ALGOCODE_STAFF_PASSWORD": password,
        }
        manage = [str(VENV_BIN / "python"), "manage.py"]
        subprocess.run([*manage, "migrate", "--noinput", "-v0"], cwd=SERVICE, env=env, check=True)
        subprocess.run(
            [*manage, "create_staff_user"], cwd=SERVICE, env=env, check=True, stdout=subprocess.DEVNULL
        )
        server = subprocess.Popen(
            [
                str(VENV_BIN / "gunicorn"),
                "config.wsgi",
                "--bind",
                f"127.0.0.1:{port}",
                "--worker-class",
                "gthread",
                "--workers",
                "1",
                "--threads",
                "4",
                "--no-control-socket",
                "--log-level",
                "warning",
            ],
            cwd=SERVICE,
            env=env,
        )
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    timed_requests(url, "GET", "/api/v1/auth/healthcheck/", None, 1)
                    break
                except OSError:
                    time.sleep(0.1)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=15)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--url", help="a running auth service; omitted: start one")
    parser.add_argument("--email", default="bench@example.com")
    parser.add_argument("--password", default="bench-Passw0rd-" + secrets.token_hex(4))
    parser.add_argument("-n", "--requests", type=int, default=40, help="logins (and healthchecks) to time")
    args = parser.parse_args()

    def run(url: str) -> None:
        login = {"email": args.email, "password": args.password}
        timed_requests(url, "POST", "/api/v1/auth/login/", login, 2)  # warm-up: imports, DB connection
        timed_requests(url, "GET", "/api/v1/auth/healthcheck/", None, 2)
        health = timed_requests(url, "GET", "/api/v1/auth/healthcheck/", None, args.requests)
        logins = timed_requests(url, "POST", "/api/v1/auth/login/", login, args.requests)
        h50, l50, l95 = statistics.median(health), statistics.median(logins), percentile(logins, 0.95)
        print(f"server: {url}  requests: {args.requests} each, sequential, one keep-alive connection")
        print(f"healthcheck p50 {h50 * 1000:8.1f} ms   (baseline: one DB query)")
        print(f"login       p50 {l50 * 1000:8.1f} ms   p95 {l95 * 1000:8.1f} ms")
        print(f"login p50 / healthcheck p50 = {l50 / h50:.1f}x")

    if args.url:
        run(args.url.rstrip("/"))
    else:
        with own_server(args.email, args.password) as url:
            run(url)


if __name__ == "__main__":
    main()
