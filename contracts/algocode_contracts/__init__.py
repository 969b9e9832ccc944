"""Algocode's cross-service messages: versioned, typed models shared by the code manager and the judge.

No Django and no pika here: only the shapes of the messages, their names on the broker, example payloads
(`examples/`) that every consumer's tests parse (docs/messaging.md), the problem-package format
(`package`), and the log-line format every service writes (`logs`).
"""

from algocode_contracts.languages import EXTENSIONS, language_catalog, language_for_filename
from algocode_contracts.messages import (
    JOB_SCHEMA,
    RESULT_SCHEMA,
    CheckerSettings,
    JobKind,
    JudgeLimits,
    ReferenceSolution,
    SubmissionCreated,
    SubmissionJudged,
    TestCase,
    TestIO,
    TestResult,
    Verdict,
    example_payload,
)
from algocode_contracts.topology import (
    DEAD_LETTER_EXCHANGE,
    DEAD_LETTER_QUEUE,
    JOB_DELIVERY_LIMIT,
    JOBS_EXCHANGE,
    LANGUAGES,
    RESULTS_EXCHANGE,
    RESULTS_QUEUE,
    RESULTS_ROUTING_KEY,
    Binding,
    Exchange,
    Queue,
    declarations,
    job_queue_name,
)

__all__ = [
    "DEAD_LETTER_EXCHANGE",
    "DEAD_LETTER_QUEUE",
    "EXTENSIONS",
    "JOBS_EXCHANGE",
    "JOB_DELIVERY_LIMIT",
    "JOB_SCHEMA",
    "LANGUAGES",
    "RESULTS_EXCHANGE",
    "RESULTS_QUEUE",
    "RESULTS_ROUTING_KEY",
    "RESULT_SCHEMA",
    "Binding",
    "CheckerSettings",
    "Exchange",
    "JobKind",
    "JudgeLimits",
    "Queue",
    "ReferenceSolution",
    "SubmissionCreated",
    "SubmissionJudged",
    "TestCase",
    "TestIO",
    "TestResult",
    "Verdict",
    "declarations",
    "example_payload",
    "job_queue_name",
    "language_catalog",
    "language_for_filename",
]
