"""The result consumer: `submission.judged/v1` messages decoded here, stored by the submission service.

Thin (docs/messaging.md): refuse what is too big or not a valid result (dead-letter), hand a valid one to
`result_apply`, and turn a store outage into RetryLater so the message waits unacked.
"""

from __future__ import annotations

import logging
import threading

import pymongo.errors
from django.conf import settings

from algocode_contracts import RESULTS_QUEUE, SubmissionJudged
from algocode_contracts.logs import log_context
from code_manager.common.metrics import RESULTS_STORED
from code_manager.common.mongo import get_db
from code_manager.messaging.consumer import Disposition, RetryLater, consume_forever, decode_message
from code_manager.submissions.models import ResultOutcome
from code_manager.submissions.services import result_apply

logger = logging.getLogger(__name__)

TRANSIENT_STORE_ERRORS = (
    pymongo.errors.ConnectionFailure,  # includes server selection and network timeouts
    pymongo.errors.ExecutionTimeout,
    pymongo.errors.WriteConcernError,
)


def result_message_handle(body: bytes) -> Disposition:
    """The result consumer's handler: validate, apply, and say whether to ack or dead-letter."""
    result = decode_message(body, SubmissionJudged, max_bytes=settings.MAX_RESULT_MESSAGE_BYTES)
    if result is None:
        return Disposition.REJECT
    with log_context(submission_id=str(result.submission_id), attempt=result.attempt):
        try:
            outcome = result_apply(result=result)
        except TRANSIENT_STORE_ERRORS as exc:
            # Only outages are retried; any other database error is a bug and dead-letters the message.
            raise RetryLater(repr(exc)) from exc
        RESULTS_STORED.labels(verdict=result.verdict.value, outcome=outcome.value).inc()
        if outcome is ResultOutcome.UNKNOWN_SUBMISSION:
            logger.error("result for unknown submission %s refused", result.submission_id)
            return Disposition.REJECT
        logger.info("result %s attempt %d: %s", result.submission_id, result.attempt, outcome)
        return Disposition.ACK


def results_consume(*, stop: threading.Event | None = None, ready: threading.Event | None = None) -> None:
    get_db()  # ensures the indexes before the first message (unique submission id)
    consume_forever(
        RESULTS_QUEUE,
        result_message_handle,
        prefetch=settings.RESULT_CONSUMER_PREFETCH,
        stop=stop,
        ready=ready,
    )
