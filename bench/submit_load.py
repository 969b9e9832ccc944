"""Code-manager load figures, all measured in one run against the real stack on this machine.

Starts its own nx-27017, a private RabbitMQ vhost, a Redis key prefix, gunicorn (config/gunicorn.py) and
the result consumer, then prints:
  1. submit latency p50/p95 and throughput with C concurrent clients, against a baseline of GET problem
     detail (same server, same clients) — the ratio is the cost of store + confirmed publish;
  2. the verdict-to-response latency of a waiting result check (pub/sub wake-up), against the original's
     0.5 s sleep-poll (expected mean 250 ms);
  3. submit latency while 100 result checks are waiting, against idle.
Usage: .venv/bin/python bench/submit_load.py [--requests 200] [--clients 8]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time
import urllib.parse
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jwt
import pika
import pymongo
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
CM = ROOT / "code-manager"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def ms(value: float) -> str:
    return f"{value * 1000:.1f} ms"


class Stack:
    def __init__(self) -> None:
        self.tmp = Path(tempfile.mkdtemp(prefix="cm-bench-"))
        self.session = uuid.uuid4().hex[:8]
        self.vhost = f"cm-bench-{self.session}"
        self.procs: list[subprocess.Popen] = []
        key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
        self.private = key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        ).decode()
        self.public = (
            key.public_key()
            .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
            .decode()
        )
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        mongo_port = free_port()
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "MONGO_URL": f"mongodb://127.0.0.1:{mongo_port}",
            "MONGO_DB": "bench",
            "AMQP_URL": f"amqp://guest:guest@127.0.0.1:5672/{urllib.parse.quote(self.vhost, safe='')}",
            "REDIS_KEY_PREFIX": f"cmbench:{self.session}:",
            "JWT_PUBLIC_KEY": self.public,
            "CODE_MANAGER_BIND": f"127.0.0.1:{self.port}",
            "RATE_LIMIT_ENABLED": "0",
            "SUBMISSIONS_IN_FLIGHT_PER_USER": "0",  # one user submits concurrently here
            "RESULT_WAIT_SECONDS": "5",
        }

    def start(self) -> None:
        subprocess.run(["rabbitmqctl", "add_vhost", self.vhost], check=True, capture_output=True)
        subprocess.run(
            ["rabbitmqctl", "set_permissions", "-p", self.vhost, "guest", ".*", ".*", ".*"],
            check=True,
            capture_output=True,
        )
        mongo_port = urllib.parse.urlsplit(self.env["MONGO_URL"]).port
        self._spawn([str(BIN / "nx-27017"), "--host", "127.0.0.1", "-p", str(mongo_port),
                     "--data-dir", str(self.tmp / "mongo"), "--log-file", str(self.tmp / "nx.log"),
                     "--pid-file", str(self.tmp / "nx.pid")])  # fmt: skip
        client = pymongo.MongoClient(self.env["MONGO_URL"], serverSelectionTimeoutMS=500)
        for _ in range(60):
            try:
                client.admin.command("ping")
                break
            except pymongo.errors.PyMongoError:
                time.sleep(0.25)
        self._spawn([str(BIN / "gunicorn"), "-c", "config/gunicorn.py", "config.wsgi:application"])
        self._spawn([str(BIN / "python"), "manage.py", "consume_results"])
        for _ in range(120):
            try:
                if requests.get(f"{self.base}/api/v1/common/healthcheck/", timeout=10).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.25)
        raise SystemExit("the code manager did not become healthy")

    def _spawn(self, argv: list[str]) -> None:
        self.procs.append(
            subprocess.Popen(argv, cwd=CM, env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        )

    def stop(self) -> None:
        for proc in reversed(self.procs):
            proc.terminate()
        for proc in self.procs:
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
        subprocess.run(["rabbitmqctl", "delete_vhost", self.vhost], capture_output=True)
        import redis

        r = redis.Redis()
        for name in r.scan_iter(match=f"{self.env['REDIS_KEY_PREFIX']}*"):
            r.delete(name)
        shutil.rmtree(self.tmp, ignore_errors=True)

    def token(self, user_id: str, *, staff: bool = False) -> str:
        now = datetime.now(UTC)
        claims = {"user_id": user_id, "username": "bench", "is_staff": staff, "token_type": "access",
                  "iss": "algocode-auth", "aud": "algocode", "iat": now, "exp": now + timedelta(hours=1),
                  "jti": uuid.uuid4().hex}  # fmt: skip
        return jwt.encode(claims, self.private, algorithm="RS256", headers={"kid": "bench"})


def timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def run_many(fn, n: int, clients: int) -> tuple[list[float], float]:
    start = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        latencies = list(pool.map(lambda _: timed(fn), range(n)))
    return latencies, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--wakeups", type=int, default=30)
    args = parser.parse_args()

    stack = Stack()
    stack.start()
    try:
        user = str(uuid.uuid4())
        headers = {"Authorization": f"Bearer {stack.token(user)}"}
        staff = {"Authorization": f"Bearer {stack.token(str(uuid.uuid4()), staff=True)}"}
        problem = requests.post(
            f"{stack.base}/api/v1/problem/", json={"title": "Bench"}, headers=staff, timeout=10
        ).json()["question"]
        tests = {"tests": [{"name": f"secret/{i}", "input": f"{i}\n", "answer": f"{i}\n"} for i in range(20)]}
        requests.put(
            f"{stack.base}/api/v1/problem/{problem['id']}/tests/", json=tests, headers=staff, timeout=10
        )
        payload = {"problem_id": problem["id"], "lang": "cpp", "code": "int main() { return 0; }\n" * 20}
        session = threading.local()

        def http() -> requests.Session:
            if not hasattr(session, "s"):
                session.s = requests.Session()
            return session.s

        def get_problem() -> None:
            assert http().get(f"{stack.base}/api/v1/problem/{problem['id']}/", timeout=10).status_code == 200

        submitted: list[str] = []

        def submit() -> None:
            response = http().post(
                f"{stack.base}/api/v1/code/submit/", json=payload, headers=headers, timeout=30
            )
            assert response.status_code == 201, response.text
            submitted.append(response.json()["result"]["submission_id"])

        run_many(get_problem, 20, args.clients)  # warm-up: connections, indexes, imports
        run_many(submit, 20, args.clients)
        base_lat, _ = run_many(get_problem, args.requests, args.clients)
        sub_lat, sub_total = run_many(submit, args.requests, args.clients)
        print(f"== 1. submit vs GET problem ({args.requests} requests, {args.clients} clients)")
        print(f"GET problem   p50 {ms(pct(base_lat, 0.5))}  p95 {ms(pct(base_lat, 0.95))}")
        print(f"POST submit   p50 {ms(pct(sub_lat, 0.5))}  p95 {ms(pct(sub_lat, 0.95))}  "
              f"throughput {args.requests / sub_total:.0f}/s")  # fmt: skip
        print(f"ratio submit/GET p50: {pct(sub_lat, 0.5) / pct(base_lat, 0.5):.2f}")

        # 2. wake-up latency: a check waits, the result is published, how long until the check answers
        connection = pika.BlockingConnection(pika.URLParameters(stack.env["AMQP_URL"]))
        channel = connection.channel()
        channel.confirm_delivery()
        wake: list[float] = []
        for sid in submitted[: args.wakeups]:
            got: dict = {}

            def check(sid: str = sid, got: dict = got) -> None:
                response = requests.get(
                    f"{stack.base}/api/v1/result/check/{sid}/", headers=headers, timeout=30
                )
                got["at"], got["status"] = time.perf_counter(), response.status_code

            thread = threading.Thread(target=check)
            thread.start()
            time.sleep(0.3)
            body = {"schema": "submission.judged/v1", "submission_id": sid, "attempt": 1, "verdict": "AC",
                    "message": "Accepted", "passed": 20, "total": 20, "max_time_ms": 1, "max_memory_kib": 1,
                    "judged_at": datetime.now(UTC).isoformat()}  # fmt: skip
            sent = time.perf_counter()
            channel.basic_publish("algocode.results", "judged", json.dumps(body).encode(), mandatory=True)
            thread.join(30)
            assert got["status"] == 200
            wake.append(got["at"] - sent)
        connection.close()
        print(f"== 2. verdict published -> waiting check answers ({len(wake)} samples)")
        print(
            f"pub/sub wake-up  p50 {ms(pct(wake, 0.5))}  p95 {ms(pct(wake, 0.95))}  "
            f"mean {ms(statistics.mean(wake))}"
        )
        print(
            f"original 0.5 s sleep-poll: mean 250.0 ms + the same consume path; "
            f"ratio {statistics.mean(wake) / 0.25:.2f}"
        )

        # 3. submit latency while 100 checks wait on pending submissions
        pending = submitted[args.wakeups : args.wakeups + 100]
        waiters = [
            threading.Thread(
                target=lambda sid=sid: requests.get(
                    f"{stack.base}/api/v1/result/check/{sid}/", headers=headers, timeout=30
                )
            )
            for sid in pending
        ]
        idle_lat, _ = run_many(submit, 30, 1)
        for thread in waiters:
            thread.start()
        time.sleep(1.0)
        busy_lat, _ = run_many(submit, 30, 1)
        for thread in waiters:
            thread.join(30)
        print(f"== 3. submit latency with {len(waiters)} result checks waiting (30 sequential submits)")
        print(f"idle p50 {ms(pct(idle_lat, 0.5))}  with waiters p50 {ms(pct(busy_lat, 0.5))}  "
              f"ratio {pct(busy_lat, 0.5) / pct(idle_lat, 0.5):.2f}")  # fmt: skip
    finally:
        stack.stop()


if __name__ == "__main__":
    main()
