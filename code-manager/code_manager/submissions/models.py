"""Submission states and kinds as enums, and the shape of a stored submission document.

A submission is one MongoDB document (collection `submissions`, `_id` = submission id) holding its status
and, once judged, the result: there is never a second result document for the same submission.
"""

from __future__ import annotations

from enum import StrEnum


class SubmissionStatus(StrEnum):
    CREATED = "created"  # stored, job not yet confirmed by the broker
    QUEUED = "queued"  # the broker confirmed the job
    JUDGED = "judged"  # a result is stored (final for its attempt)
    FAILED = "failed"  # the job could not be published; the client got a 503


class ResultOutcome(StrEnum):
    APPLIED = "applied"
    IGNORED = "ignored"  # a duplicate, or a stale attempt: a final verdict is never overwritten
    UNKNOWN_SUBMISSION = "unknown_submission"


# Document fields (for readers of the code; MongoDB has no schema):
# _id, submission_id: str (UUID)      user_id: str (UUID)      username: str
# problem_id: str (UUID)              kind: JobKind            lang: str          code: str
# stdin: str | None (runs)            sample_names: list[str]  (which tests may show io)
# status: SubmissionStatus            attempt: int             judged_attempt: int (once judged)
# result: SubmissionJudged as JSON    created_at / updated_at / judged_at: datetime
