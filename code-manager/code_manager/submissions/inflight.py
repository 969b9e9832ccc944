"""Per-user cap on submissions being judged (threat-model.md #44): one user never holds more judge slots.

A submission is in flight from its insert until its verdict is stored (status CREATED or QUEUED), so the
count is read from MongoDB, the same documents the result consumer moves to JUDGED: nothing to keep in
step. A submission whose result was lost (dead-lettered) stops counting after SUBMISSIONS_IN_FLIGHT_TTL
seconds, so it cannot lock its user out for good. The check runs after the insert and counts the new
document too: of two concurrent submits both may be refused, never both admitted over the cap
(docs/adr/0091-per-user-in-flight-cap.md).
"""

from __future__ import annotations

import math
from datetime import UTC, datetime, timedelta

from django.conf import settings

from code_manager.common.clock import to_iso
from code_manager.common.errors import ApplicationError, ErrorCode
from code_manager.common.metrics import IN_FLIGHT_REFUSED
from code_manager.common.mongo import Collections, collection
from code_manager.submissions.models import SubmissionStatus

IN_FLIGHT = [SubmissionStatus.CREATED.value, SubmissionStatus.QUEUED.value]


def in_flight_query(*, user_id: str) -> dict[str, object]:
    """This user's submissions that hold (or wait for) a judge slot and are not yet given up on."""
    since = datetime.now(UTC) - timedelta(seconds=settings.SUBMISSIONS_IN_FLIGHT_TTL_SECONDS)
    return {
        "$and": [
            {"user_id": user_id},
            {"status": {"$in": IN_FLIGHT}},
            {"created_at": {"$gte": to_iso(since)}},
        ]
    }


def in_flight_admit(*, user_id: str, kind: str) -> None:
    """Raise 429 when the user's just-inserted submission takes them over the cap (0: no cap)."""
    limit = settings.SUBMISSIONS_IN_FLIGHT_PER_USER
    if limit <= 0:
        return
    count = collection(Collections.SUBMISSIONS).count_documents(in_flight_query(user_id=user_id))
    if count <= limit:
        return
    IN_FLIGHT_REFUSED.labels(kind=kind).inc()
    wait = settings.SUBMISSIONS_IN_FLIGHT_RETRY_SECONDS
    noun = "submission" if limit == 1 else "submissions"
    message = (
        f"You already have {limit} {noun} waiting for a verdict; the judge takes {limit} at a time "
        "from each user. Submit again once its verdict is in (result/check/)."
    )
    raise ApplicationError(
        message,
        code=ErrorCode.TOO_MANY_IN_FLIGHT,
        status_code=429,
        extra={"message": message, "wait_time": f"{wait:.2f} seconds"},
        headers={"Retry-After": str(max(1, math.ceil(wait)))},
    )
