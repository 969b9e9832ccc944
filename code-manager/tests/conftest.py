"""Test fixtures: a private nx-27017 MongoDB, a private RabbitMQ vhost, a private Redis key prefix, a JWT
key pair and token factory, and helpers to read the broker. Everything is created per session and removed
at the end; nothing that other engineers share is flushed."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import tempfile
import threading
import time
import urllib.parse
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import jwt
import pika
import pymongo
import pytest
import redis
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings
from django.test import override_settings
from rest_framework.test import APIClient

from algocode_contracts import (
    DEAD_LETTER_QUEUE,
    LANGUAGES,
    RESULTS_EXCHANGE,
    RESULTS_QUEUE,
    RESULTS_ROUTING_KEY,
    USERS_QUEUE,
    job_queue_name,
)
from code_manager.common import mongo
from code_manager.messaging.publisher import reset_publisher

VENV_BIN = Path(__file__).resolve().parents[2] / ".venv" / "bin"
SESSION = uuid.uuid4().hex[:10]
METRICS_TOKEN = f"metrics-{SESSION}"
METRICS_HEADERS = {"Authorization": f"Bearer {METRICS_TOKEN}"}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _rabbitmqctl(*args: str) -> None:
    subprocess.run(["rabbitmqctl", *args], check=True, capture_output=True, timeout=60)


@dataclass(frozen=True)
class Infra:
    mongo_url: str
    mongo_db: str
    amqp_url: str
    vhost: str
    redis_prefix: str
    private_pem: str
    public_pem: str
    mongo_port: int


@pytest.fixture(scope="session")
def infra() -> Iterator[Infra]:
    workdir = Path(tempfile.mkdtemp(prefix="cm-test-"))
    port = free_port()
    server = subprocess.Popen(
        [
            str(VENV_BIN / "nx-27017"),
            "--host", "127.0.0.1", "-p", str(port),
            "--data-dir", str(workdir / "mongo"),
            "--log-file", str(workdir / "nx.log"), "--pid-file", str(workdir / "nx.pid"),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )  # fmt: skip
    mongo_url = f"mongodb://127.0.0.1:{port}"
    client = pymongo.MongoClient(mongo_url, serverSelectionTimeoutMS=500)
    for _ in range(60):
        try:
            client.admin.command("ping")
            break
        except pymongo.errors.PyMongoError:
            time.sleep(0.25)
    else:
        server.kill()
        pytest.fail("nx-27017 did not start")
    client.close()

    vhost = f"cm-test-{SESSION}"
    _rabbitmqctl("add_vhost", vhost)
    _rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")
    amqp_url = f"amqp://guest:guest@127.0.0.1:5672/{urllib.parse.quote(vhost, safe='')}?heartbeat=30"

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private_pem = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public_pem = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    found = Infra(
        mongo_url=mongo_url,
        mongo_db="cmtest",
        amqp_url=amqp_url,
        vhost=vhost,
        redis_prefix=f"cmtest:{SESSION}:",
        private_pem=private_pem,
        public_pem=public_pem,
        mongo_port=port,
    )
    overrides = override_settings(
        MONGO_URL=found.mongo_url,
        MONGO_DB=found.mongo_db,
        AMQP_URL=found.amqp_url,
        REDIS_KEY_PREFIX=found.redis_prefix,
        RESULT_WAIT_SECONDS=1.0,
        METRICS_TOKEN=METRICS_TOKEN,
        SUBMISSIONS_IN_FLIGHT_PER_USER=0,  # suites submit several at once; tests/test_in_flight.py sets it
        SIMPLE_JWT={**settings.SIMPLE_JWT, "VERIFYING_KEY": public_pem},
    )
    overrides.enable()
    # simplejwt builds its token backend once, at import, from the settings of that moment.
    from rest_framework_simplejwt import settings as jwt_settings
    from rest_framework_simplejwt import state
    from rest_framework_simplejwt.backends import TokenBackend

    production_backend = state.token_backend
    api = jwt_settings.api_settings
    state.token_backend = TokenBackend(
        api.ALGORITHM, None, public_pem, api.AUDIENCE, api.ISSUER, None, api.LEEWAY
    )
    from code_manager.messaging.broker import declare_topology

    with broker_channel(found) as channel:
        declare_topology(channel)
    try:
        yield found
    finally:
        overrides.disable()
        state.token_backend = production_backend
        reset_publisher()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(workdir, ignore_errors=True)
        try:
            _rabbitmqctl("delete_vhost", vhost)
        finally:
            r = redis.Redis.from_url(settings.REDIS_URL)
            for name in r.scan_iter(match=f"{found.redis_prefix}*", count=500):
                r.delete(name)


@pytest.fixture(autouse=True)
def clean_state(infra: Infra) -> Iterator[None]:
    """Each test starts with empty collections and empty queues (indexes stay)."""
    db = mongo.get_db()
    for name in mongo.Collections:
        db[name].delete_many({})
    yield
    with broker_channel(infra) as channel:
        for queue in [
            *(job_queue_name(lang) for lang in LANGUAGES),
            RESULTS_QUEUE,
            USERS_QUEUE,
            DEAD_LETTER_QUEUE,
        ]:
            channel.queue_purge(queue)


class broker_channel:
    """A confirm-mode channel on the test vhost."""

    def __init__(self, infra: Infra) -> None:
        self.connection = pika.BlockingConnection(pika.URLParameters(infra.amqp_url))
        self.channel = self.connection.channel()

    def __enter__(self) -> pika.adapters.blocking_connection.BlockingChannel:
        return self.channel

    def __exit__(self, *exc: object) -> None:
        if self.connection.is_open:
            self.connection.close()


def drain(infra: Infra, queue: str, *, expect: int = 1, timeout: float = 10.0) -> list[bytes]:
    """Consume (and ack) up to `expect` messages from `queue`, waiting at most `timeout` seconds."""
    bodies: list[bytes] = []
    deadline = time.monotonic() + timeout
    with broker_channel(infra) as channel:
        while len(bodies) < expect and time.monotonic() < deadline:
            method, _props, body = channel.basic_get(queue, auto_ack=True)
            if method is None:
                time.sleep(0.05)
                continue
            bodies.append(body)
    return bodies


def queue_depth(infra: Infra, queue: str) -> int:
    with broker_channel(infra) as channel:
        return channel.queue_declare(queue, passive=True).method.message_count


def publish_result_body(infra: Infra, body: bytes) -> None:
    with broker_channel(infra) as channel:
        channel.confirm_delivery()
        channel.basic_publish(
            RESULTS_EXCHANGE,
            RESULTS_ROUTING_KEY,
            body,
            properties=pika.BasicProperties(content_type="application/json", delivery_mode=2),
            mandatory=True,
        )


# ---- tokens ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class User:
    user_id: str
    username: str
    is_staff: bool = False


TokenFactory = Callable[..., str]


@pytest.fixture(scope="session")
def make_token(infra: Infra) -> TokenFactory:
    def factory(
        user: User,
        *,
        token_type: str = "access",  # noqa: S107 - a claim value, not a password
        lifetime: timedelta = timedelta(minutes=5),
        audience: str = "algocode",
        issuer: str = "algocode-auth",
        algorithm: str = "RS256",
        key: str | None = None,
        **claims: Any,
    ) -> str:
        now = datetime.now(UTC)
        payload = {
            "user_id": user.user_id,
            "username": user.username,
            "is_staff": user.is_staff,
            "token_type": token_type,
            "iss": issuer,
            "aud": audience,
            "iat": now,
            "exp": now + lifetime,
            "jti": uuid.uuid4().hex,
            **claims,
        }
        return jwt.encode(payload, key or infra.private_pem, algorithm=algorithm, headers={"kid": "test-key"})

    return factory


def new_user(name: str = "alice", *, is_staff: bool = False) -> User:
    return User(user_id=str(uuid.uuid4()), username=f"{name}-{uuid.uuid4().hex[:6]}", is_staff=is_staff)


@pytest.fixture
def user_client(make_token: TokenFactory) -> Callable[..., tuple[APIClient, User]]:
    def factory(name: str = "alice", *, is_staff: bool = False) -> tuple[APIClient, User]:
        user = new_user(name, is_staff=is_staff)
        client = APIClient()
        client.credentials(HTTP_AUTHORIZATION=f"Bearer {make_token(user)}")
        return client, user

    return factory


@pytest.fixture
def anon() -> APIClient:
    return APIClient()


# ---- data --------------------------------------------------------------------------------------------


@pytest.fixture
def problem() -> dict[str, Any]:
    """A problem with two samples and two hidden tests, and a reference solution."""
    from code_manager.problems.services import ProblemData, TestData, problem_create, problem_tests_replace

    doc = problem_create(
        data=ProblemData(
            title="A plus B",
            difficulty=1,
            description="Add two numbers.",
            tags=["math"],
            limits={"time_limit_ms": 1000, "memory_limit_kib": 65536},
            reference={"language": "python3", "source": "a, b = map(int, input().split())\nprint(a + b)\n"},
        )
    )
    problem_tests_replace(
        problem_id=doc["_id"],
        tests=[
            TestData("sample/1", "1 2\n", "3\n", sample=True),
            TestData("sample/2", "5 5\n", "10\n", sample=True),
            TestData("secret/1", "1000 2000\n", "HIDDEN-3000\n"),
            TestData("secret/2", "7 8\n", "HIDDEN-15\n"),
        ],
    )
    return mongo.get_db()["problems"].find_one({"_id": doc["_id"]})


# ---- result consumer ---------------------------------------------------------------------------------


@pytest.fixture
def result_consumer(infra: Infra) -> Iterator[threading.Event]:
    """The real result consumer running in a thread for the duration of a test."""
    from code_manager.submissions.consumers import results_consume

    stop, ready = threading.Event(), threading.Event()
    thread = threading.Thread(target=results_consume, kwargs={"stop": stop, "ready": ready}, daemon=True)
    thread.start()
    assert ready.wait(15), "result consumer did not start"
    yield stop
    stop.set()
    thread.join(15)


def judged_payload(
    submission_id: str, *, attempt: int = 1, verdict: str = "AC", **fields: Any
) -> dict[str, Any]:
    payload = {
        "schema": "submission.judged/v1",
        "submission_id": submission_id,
        "attempt": attempt,
        "verdict": verdict,
        "message": "Accepted" if verdict == "AC" else f"{verdict} on test sample/1",
        "passed": 4 if verdict == "AC" else 0,
        "total": 4,
        "max_time_ms": 12,
        "max_memory_kib": 3412,
        "compile_output": "",
        "tests": [],
        "io": None,
        "judged_at": datetime.now(UTC).isoformat(),
        "worker": "test/1",
    }
    payload.update(fields)
    return payload


def judged_body(submission_id: str, **kwargs: Any) -> bytes:
    return json.dumps(judged_payload(submission_id, **kwargs)).encode()
