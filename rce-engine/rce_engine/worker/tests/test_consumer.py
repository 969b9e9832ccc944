"""The worker against the real broker: results published before the ack, poison dead-lettered, no job lost."""

from __future__ import annotations

import subprocess
import threading
import time
from datetime import UTC, datetime

import pika
import pytest

from algocode_contracts import (
    DEAD_LETTER_QUEUE,
    JOBS_EXCHANGE,
    RESULTS_QUEUE,
    SubmissionCreated,
    SubmissionJudged,
    Verdict,
    example_payload,
    job_queue_name,
)
from rce_engine.messaging.broker import declare_topology
from rce_engine.messaging.consumer import JudgeWorker

LANGS = ("cpp",)


def accept_all(job: SubmissionCreated) -> SubmissionJudged:
    return SubmissionJudged(
        submission_id=job.submission_id,
        attempt=job.attempt,
        verdict=Verdict.ACCEPTED,
        message="Accepted",
        passed=len(job.tests),
        total=len(job.tests),
        max_time_ms=1,
        max_memory_kib=1,
        judged_at=datetime.now(UTC),
    )


class Running:
    """A JudgeWorker on its own thread, stopped (gracefully) at the end of the test."""

    def __init__(self, worker: JudgeWorker) -> None:
        self.worker = worker
        self.thread = threading.Thread(target=worker.run, daemon=True)

    def __enter__(self) -> JudgeWorker:
        self.thread.start()
        return self.worker

    def __exit__(self, *exc: object) -> None:
        self.worker.stop()
        self.thread.join(timeout=30)
        assert not self.thread.is_alive()


def make_worker(amqp_url: str, judge=accept_all, **kw) -> JudgeWorker:
    return JudgeWorker(url=amqp_url, languages=LANGS, slots=2, judge=judge, name="test", **kw)


def publish_job(channel, body: bytes) -> None:
    channel.basic_publish(
        JOBS_EXCHANGE, "cpp", body, pika.BasicProperties(delivery_mode=pika.DeliveryMode.Persistent)
    )


def job_body(**changes) -> tuple[SubmissionCreated, bytes]:
    payload = example_payload("submission_created") | changes
    job = SubmissionCreated.model_validate(payload)
    return job, job.model_dump_json(by_alias=True).encode()


def get_one(channel, queue: str, timeout: float = 20.0) -> bytes:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        method, _props, body = channel.basic_get(queue, auto_ack=True)
        if method is not None:
            return body
        time.sleep(0.05)
    raise AssertionError(f"nothing arrived on {queue} within {timeout}s")


def close_broker_side(connection_name: str) -> None:
    """What `rabbitmqctl close_connection` does to a worker: the broker drops it."""
    listing = subprocess.run(
        ["rabbitmqctl", "-q", "list_connections", "--no-table-headers", "pid", "client_properties"],
        check=True,
        capture_output=True,
        text=True,
        timeout=60,
    ).stdout
    pids = [line.split("\t")[0] for line in listing.splitlines() if connection_name in line]
    assert pids, listing
    for pid in pids:
        subprocess.run(["rabbitmqctl", "-q", "close_connection", pid, "test"], check=True, timeout=60)


def queue_depth(channel, queue: str) -> int:
    return channel.queue_declare(queue, passive=True).method.message_count


@pytest.fixture
def topology(channel):
    declare_topology(channel, LANGS)
    for queue in (RESULTS_QUEUE, DEAD_LETTER_QUEUE, job_queue_name("cpp")):
        channel.queue_purge(queue)
    return channel


def test_a_job_is_judged_and_its_result_published_then_acked(amqp_url, topology):
    job, body = job_body()
    with Running(make_worker(amqp_url)):
        publish_job(topology, body)
        result = SubmissionJudged.model_validate_json(get_one(topology, RESULTS_QUEUE))
    assert result.submission_id == job.submission_id
    assert result.verdict is Verdict.ACCEPTED
    assert queue_depth(topology, job_queue_name("cpp")) == 0  # acked, not waiting for redelivery


@pytest.mark.parametrize(
    "poison",
    [b"not json", b"\xff\xfe\xfd", b'{"schema": "submission.created/v9"}', b"x" * (10 * 1024 * 1024)],
    ids=["not-json", "invalid-utf8", "wrong-schema", "10MB"],
)
def test_poison_is_dead_lettered_and_the_worker_keeps_going(amqp_url, topology, poison):
    job, body = job_body()
    with Running(make_worker(amqp_url)) as worker:
        publish_job(topology, poison)
        publish_job(topology, body)
        result = SubmissionJudged.model_validate_json(get_one(topology, RESULTS_QUEUE))
        assert get_one(topology, DEAD_LETTER_QUEUE) == poison
    assert result.submission_id == job.submission_id
    assert worker.stats.dead_lettered == 1


def test_a_crashing_judge_yields_an_internal_error_result_not_silence(amqp_url, topology):
    def broken(job):
        raise RuntimeError("disk on fire")

    job, body = job_body()
    with Running(make_worker(amqp_url, judge=broken)):
        publish_job(topology, body)
        result = SubmissionJudged.model_validate_json(get_one(topology, RESULTS_QUEUE))
    assert result.verdict is Verdict.INTERNAL_ERROR
    assert result.submission_id == job.submission_id
    assert queue_depth(topology, job_queue_name("cpp")) == 0


def test_long_jobs_keep_the_connection_alive_and_stop_finishes_them(amqp_url, topology):
    """A job longer than two heartbeat intervals (heartbeat=2 s) completes on the same connection;
    stop() during the job waits for its result instead of dropping it."""
    started = threading.Event()

    def slow(job):
        started.set()
        time.sleep(6)
        return accept_all(job)

    job, body = job_body()
    url = amqp_url.replace("heartbeat=10", "heartbeat=2")
    worker = make_worker(url, judge=slow)
    runner = Running(worker)
    with runner:
        publish_job(topology, body)
        assert started.wait(20)
        worker.stop()  # graceful: must still publish and ack the job in flight
        runner.thread.join(timeout=30)
    result = SubmissionJudged.model_validate_json(get_one(topology, RESULTS_QUEUE))
    assert result.submission_id == job.submission_id
    assert worker.stats.reconnects == 0
    assert queue_depth(topology, job_queue_name("cpp")) == 0


def test_a_job_in_flight_when_the_connection_drops_is_redelivered(amqp_url, topology):
    """The broker closes the connection mid-job: the worker reconnects and the job is judged again."""
    calls: list[int] = []
    first_started, closed = threading.Event(), threading.Event()

    def judge(job):
        calls.append(job.attempt)
        if len(calls) == 1:
            first_started.set()
            # Finish only after the broker dropped the connection (rabbitmqctl alone can take seconds).
            closed.wait(60)
        return accept_all(job)

    job, body = job_body()
    with Running(make_worker(amqp_url, judge=judge, max_backoff_s=1)) as worker:
        publish_job(topology, body)
        assert first_started.wait(20)
        close_broker_side("judge-worker test")
        closed.set()
        results = [SubmissionJudged.model_validate_json(get_one(topology, RESULTS_QUEUE, timeout=30))]
    assert results[0].submission_id == job.submission_id
    assert len(calls) >= 2  # redelivered to the reconnected consumer
    assert worker.stats.reconnects >= 1
    assert queue_depth(topology, job_queue_name("cpp")) == 0
