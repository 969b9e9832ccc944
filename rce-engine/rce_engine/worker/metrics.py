"""The judge worker's Prometheus metrics, served by prometheus_client's own HTTP server on METRICS_PORT.

Each worker process has its own port (under `make up`: 9100 + process number), so no multiprocess mode.
"""

from __future__ import annotations

from enum import StrEnum

from prometheus_client import Counter, Gauge, Histogram, start_http_server

# Judging takes from milliseconds (cached Python) to a minute (Java, many tests, time limits hit).
JUDGE_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120)
# Queue waits range from nothing to minutes when a burst outruns the slots.
WAIT_BUCKETS = (0.01, 0.05, 0.1, 0.5, 1, 2, 5, 10, 30, 60, 300, 900)


class InternalErrorSource(StrEnum):
    JUDGE = "judge"  # the judge returned IE (sandbox failure, broken reference, ...)
    CRASH = "crash"  # the judge raised; the worker's crash guard made the IE


JOBS_JUDGED = Counter(
    "algocode_judge_jobs_total", "Jobs judged and reported, by language and verdict", ["language", "verdict"]
)
JUDGE_SECONDS = Histogram(
    "algocode_judge_duration_seconds",
    "Wall time to judge one job (compile and every test)",
    ["language"],
    buckets=JUDGE_BUCKETS,
)
COMPILE_SECONDS = Histogram(
    "algocode_judge_compile_duration_seconds",
    "Wall time of the compiler, when it ran (cache misses only)",
    ["language"],
    buckets=JUDGE_BUCKETS,
)
QUEUE_WAIT_SECONDS = Histogram(
    "algocode_judge_queue_wait_seconds",
    "From the job's created_at to the moment a worker picked it up",
    ["language"],
    buckets=WAIT_BUCKETS,
)
INTERNAL_ERRORS = Counter(
    "algocode_judge_internal_errors_total",
    "Jobs that ended in Internal Error (our fault, not the submission's)",
    ["language", "source"],
)
DEAD_LETTERED = Counter("algocode_judge_dead_lettered_total", "Job messages that could not be parsed")
RESULTS_REFUSED = Counter(
    "algocode_judge_results_refused_total", "Results the broker refused; their jobs went back to the queue"
)
JOBS_IN_FLIGHT = Gauge("algocode_judge_jobs_in_flight", "Jobs being judged right now")


def metrics_serve(*, port: int, addr: str) -> None:
    """Serve /metrics on `addr:port` from a daemon thread; port 0 means no metrics server."""
    if port:
        start_http_server(port, addr=addr)
