"""The code manager's domain metrics (Prometheus); HTTP metrics come from django-prometheus's middleware.

Under several gunicorn workers every process writes to PROMETHEUS_MULTIPROC_DIR and `/metrics` sums them
(config/gunicorn.py); the result consumer shares that directory, so its counters show up there too.
"""

from __future__ import annotations

from enum import StrEnum

from prometheus_client import Counter


class ResultCheckOutcome(StrEnum):
    HIT = "hit"  # the verdict was there at the first look
    WOKE = "woke"  # it landed while the request waited
    PENDING = "pending"  # the wait ended without it: 202
    BUSY = "busy"  # not there, and every wait slot (the user's or the process's) taken: 202 at once


SUBMISSIONS_CREATED = Counter(
    "algocode_submissions_created_total",
    "Submissions and custom runs whose job the broker confirmed",
    ["language", "kind"],
)
SUBMISSION_PUBLISH_FAILURES = Counter(
    "algocode_submission_publish_failures_total",
    "Jobs the broker did not confirm (the client got 503)",
    ["kind"],
)
RESULTS_STORED = Counter(
    "algocode_results_total",
    "Result messages handled by the consumer, by verdict and by what happened to them",
    ["verdict", "outcome"],
)
RESULT_CHECKS = Counter(
    "algocode_result_checks_total",
    "Result checks by outcome (hit at once, woken by the verdict, or still pending)",
    ["outcome"],
)
IN_FLIGHT_REFUSED = Counter(
    "algocode_in_flight_refused_total",
    "Submits and runs refused with 429 because the user already has the most in flight",
    ["kind"],
)
RATE_LIMITED = Counter(
    "algocode_rate_limited_total",
    "Requests refused with 429 by the submit/run token bucket",
    ["path"],
)
