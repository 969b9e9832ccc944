"""The judge worker's consumer: jobs in from the language queues, results out, ack only after the result.

One BlockingConnection owned by the thread that calls `run()`; jobs are judged in a pool of `slots` threads
so heartbeats keep flowing during long runs (pika services heartbeats only between callbacks). A worker
thread hands its result back with `add_callback_threadsafe`; the connection thread publishes it with
confirms and only then acks the job. A job that cannot even be parsed is dead-lettered at once.
Every log line about a job carries its submission_id, attempt and language (algocode_contracts.logs);
its metrics are in rce_engine.worker.metrics.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial

import pika
from pika.adapters.blocking_connection import BlockingChannel
from pika.exceptions import AMQPError
from pydantic import ValidationError

from algocode_contracts import SubmissionCreated, SubmissionJudged, Verdict, job_queue_name
from algocode_contracts.logs import log_context
from rce_engine.judge import internal_error
from rce_engine.messaging.broker import connection_parameters, declare_topology, publish_result
from rce_engine.worker import metrics

log = logging.getLogger(__name__)

Judge = Callable[[SubmissionCreated], SubmissionJudged]


@dataclass
class WorkerStats:
    judged: int = 0
    dead_lettered: int = 0
    reconnects: int = 0
    by_verdict: dict[str, int] = field(default_factory=dict)


class JudgeWorker:
    def __init__(
        self,
        *,
        url: str,
        languages: tuple[str, ...],
        slots: int,
        judge: Judge,
        name: str,
        max_backoff_s: float = 30.0,
        shutdown_grace_s: float = 120.0,
        on_consuming: Callable[[], None] | None = None,
    ) -> None:
        self.url = url
        self.languages = languages
        self.slots = slots
        self.judge = judge
        self.name = name
        self.max_backoff_s = max_backoff_s
        self.shutdown_grace_s = shutdown_grace_s
        self.on_consuming = on_consuming  # called each time the queues are (re)subscribed
        self.stats = WorkerStats()
        self._stopping = threading.Event()
        self._in_flight = 0
        self._in_flight_lock = threading.Lock()
        self._connection: pika.BlockingConnection | None = None
        self._channel: BlockingChannel | None = None
        self._generation = 0  # bumps on every new channel; delivery tags of older ones are void

    # ---- lifecycle -------------------------------------------------------------------------------
    def stop(self) -> None:
        """Ask `run()` to stop taking jobs, finish the ones in flight, and return (signal-safe)."""
        self._stopping.set()

    def run(self) -> None:
        backoff = 0.5
        with ThreadPoolExecutor(max_workers=self.slots, thread_name_prefix="judge") as pool:
            while not self._stopping.is_set():
                try:
                    self._serve(pool)
                    backoff = 0.5
                except Exception as exc:  # a worker outlives its connections, whatever broke them
                    self.stats.reconnects += 1
                    log.warning("broker connection lost (%r); reconnecting in %.1fs", exc, backoff)
                    self._stopping.wait(backoff)
                    backoff = min(backoff * 2, self.max_backoff_s)
                finally:
                    self._close_connection()

    def _serve(self, pool: ThreadPoolExecutor) -> None:
        params = connection_parameters(self.url)
        params.client_properties = {"connection_name": f"judge-worker {self.name}"}
        self._connection = pika.BlockingConnection(params)
        channel = self._connection.channel()
        channel.confirm_delivery()
        declare_topology(channel, self.languages)
        channel.basic_qos(prefetch_count=self.slots)
        self._generation += 1
        self._channel = channel
        tags = [
            channel.basic_consume(job_queue_name(language), partial(self._on_message, pool, self._generation))
            for language in self.languages
        ]
        log.info("worker %s consuming %s with %d slots", self.name, ",".join(self.languages), self.slots)
        if self.on_consuming is not None:
            self.on_consuming()
        while not self._stopping.is_set():
            self._connection.process_data_events(time_limit=0.5)
        # Graceful stop: take no new jobs, finish (publish + ack) the ones in flight; anything still
        # unacked when the connection closes goes back to the queue for another worker.
        for tag in tags:
            channel.basic_cancel(tag)
        deadline = time.monotonic() + self.shutdown_grace_s
        while self._busy() and time.monotonic() < deadline:
            self._connection.process_data_events(time_limit=0.2)

    def _close_connection(self) -> None:
        connection, self._connection, self._channel = self._connection, None, None
        if connection is not None and connection.is_open:
            try:
                connection.close()
            except AMQPError:
                log.debug("closing a broken connection failed", exc_info=True)

    def _busy(self) -> bool:
        with self._in_flight_lock:
            return self._in_flight > 0

    # ---- messages --------------------------------------------------------------------------------
    def _on_message(self, pool: ThreadPoolExecutor, generation: int, channel, method, properties, body):
        try:
            job = SubmissionCreated.model_validate_json(body)
        except ValidationError as exc:
            # Not a job we can ever judge: dead-letter it now instead of redelivering it forever.
            log.error("dead-lettering an invalid job (%d bytes): %s", len(body), str(exc)[:300])
            self.stats.dead_lettered += 1
            metrics.DEAD_LETTERED.inc()
            channel.basic_nack(method.delivery_tag, requeue=False)
            return
        with self._in_flight_lock:
            self._in_flight += 1
        metrics.JOBS_IN_FLIGHT.inc()
        created = job.created_at if job.created_at.tzinfo else job.created_at.replace(tzinfo=UTC)
        waited = (datetime.now(UTC) - created).total_seconds()
        metrics.QUEUE_WAIT_SECONDS.labels(language=job.language).observe(max(0.0, waited))
        with log_context(**_job_fields(job)):
            log.info("judging submission %s attempt %d (%s)", job.submission_id, job.attempt, job.language)
        pool.submit(self._judge_in_thread, job, generation, method.delivery_tag)

    def _judge_in_thread(self, job: SubmissionCreated, generation: int, delivery_tag: int) -> None:
        with log_context(**_job_fields(job)):
            started = time.monotonic()
            try:
                result = self.judge(job)
                if result.verdict is Verdict.INTERNAL_ERROR:
                    metrics.INTERNAL_ERRORS.labels(job.language, metrics.InternalErrorSource.JUDGE).inc()
            except Exception as exc:  # the judge promises IE results, but a bug must not lose the job
                log.exception("judge crashed on submission %s", job.submission_id)
                metrics.INTERNAL_ERRORS.labels(job.language, metrics.InternalErrorSource.CRASH).inc()
                result = internal_error(job, f"the judge crashed ({type(exc).__name__})")
            metrics.JUDGE_SECONDS.labels(language=job.language).observe(time.monotonic() - started)
            connection = self._connection
            callback = partial(self._publish_and_ack, job, result, generation, delivery_tag)
            try:
                if connection is None:
                    raise AMQPError("no connection")
                connection.add_callback_threadsafe(callback)
            except AMQPError:
                # The connection went away while judging: the broker redelivers the job to someone.
                log.warning("connection lost before submission %s was reported", job.submission_id)
                self._done()

    def _publish_and_ack(
        self, job: SubmissionCreated, result: SubmissionJudged, generation: int, delivery_tag: int
    ) -> None:
        with log_context(**_job_fields(job)):
            try:
                channel = self._channel
                if channel is None:
                    return
                publish_result(channel, result)
                if generation == self._generation:
                    channel.basic_ack(delivery_tag)
                # else: the job was redelivered after a reconnect; the copy will be judged again and the
                # code manager keeps one result per submission.
                self.stats.judged += 1
                self.stats.by_verdict[result.verdict] = self.stats.by_verdict.get(result.verdict, 0) + 1
                metrics.JOBS_JUDGED.labels(language=job.language, verdict=result.verdict.value).inc()
                log.info(
                    "submission %s attempt %d: %s", result.submission_id, result.attempt, result.verdict.value
                )
            except (pika.exceptions.UnroutableError, pika.exceptions.NackError):
                log.error("result for %s was refused by the broker; job returned", result.submission_id)
                metrics.RESULTS_REFUSED.inc()
                if generation == self._generation and self._channel is not None:
                    self._channel.basic_nack(delivery_tag, requeue=True)
            finally:
                self._done()

    def _done(self) -> None:
        with self._in_flight_lock:
            self._in_flight -= 1
        metrics.JOBS_IN_FLIGHT.dec()


def _job_fields(job: SubmissionCreated) -> dict[str, object]:
    return {"submission_id": str(job.submission_id), "attempt": job.attempt, "language": job.language}
