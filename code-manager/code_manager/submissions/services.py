"""Writes of submissions: create (store → publish with confirm → mark queued) and apply a judged result.

Submit order (docs/messaging.md): the document is inserted as CREATED, the job is published and confirmed,
then the document moves CREATED → QUEUED only if nothing else changed it (a fast verdict may already have
landed). A publish failure moves CREATED → FAILED and the client gets 503; nothing is ever QUEUED without
a confirmed job. Results are applied with one conditional update, so duplicates and stale attempts lose.
"""

from __future__ import annotations

import logging
import uuid
from datetime import UTC, datetime
from typing import Any

from django.conf import settings
from pydantic import ValidationError
from pymongo import ReturnDocument

from algocode_contracts import (
    LANGUAGES,
    CheckerSettings,
    JobKind,
    JudgeLimits,
    ReferenceSolution,
    SubmissionCreated,
    SubmissionJudged,
    TestCase,
    Verdict,
    canonical_language,
)
from algocode_contracts.functions import InputError, parse_input
from algocode_contracts.logs import log_bind
from code_manager.common.auth import Caller
from code_manager.common.clock import now_iso, to_iso
from code_manager.common.errors import ApplicationError, ErrorCode
from code_manager.common.metrics import SUBMISSION_PUBLISH_FAILURES, SUBMISSIONS_CREATED
from code_manager.common.mongo import Collections, collection
from code_manager.messaging.publisher import BrokerUnavailable, publish_job
from code_manager.problems.selectors import (
    problem_get,
    problem_languages,
    problem_reference,
    problem_signature,
    problem_tests,
    stored_language,
)
from code_manager.problems.services import problem_record_verdict
from code_manager.submissions.cache import result_announce, result_cache_set
from code_manager.submissions.inflight import in_flight_admit
from code_manager.submissions.models import ResultOutcome, SubmissionStatus
from code_manager.submissions.selectors import result_view

logger = logging.getLogger(__name__)

SUBMITTED_DETAIL = "Your response has been submitted."


def _validate_common(*, problem_id: str, lang: str, code: str) -> tuple[dict[str, Any], str]:
    size = len(code.encode("utf-8"))
    if size > settings.MAX_SOURCE_BYTES:
        raise ApplicationError(
            f"The code is {size} bytes; the limit is {settings.MAX_SOURCE_BYTES} bytes.",
            code=ErrorCode.SOURCE_TOO_LARGE,
            status_code=413,
        )
    language = canonical_language(lang)  # `python` (the first release's id) is stored as python3
    if language is None:
        raise ApplicationError(
            f"The language '{lang}' is invalid. Supported languages: {', '.join(LANGUAGES)}.",
            code=ErrorCode.UNSUPPORTED_LANGUAGE,
            extra={"languages": list(LANGUAGES)},
        )
    try:
        pid = str(uuid.UUID(problem_id))
    except ValueError:
        pid = ""
    problem = problem_get(problem_id=pid) if pid else None
    if problem is None:
        raise ApplicationError(f"The problem id {problem_id} is not valid.", code=ErrorCode.UNKNOWN_PROBLEM)
    allowed = problem_languages(problem)
    if language not in allowed:
        raise ApplicationError(
            f"The problem does not accept '{language}'. Allowed languages: {', '.join(allowed)}.",
            code=ErrorCode.UNSUPPORTED_LANGUAGE,
            extra={"languages": allowed},
        )
    return problem, language


def _job_tests(*, problem: dict[str, Any], kind: JobKind, stdin: str | None) -> list[TestCase]:
    if kind is JobKind.RUN:
        return [TestCase(name="custom", input=stdin or "", answer=None, sample=True)]
    tests = problem_tests(problem=problem)
    if not tests:
        raise ApplicationError(
            "This problem has no tests yet; it cannot be judged.",
            code=ErrorCode.PROBLEM_HAS_NO_TESTS,
            status_code=409,
        )
    return [TestCase(name=t["name"], input=t["input"], answer=t["answer"], sample=t["sample"]) for t in tests]


def _job(
    *,
    submission_id: uuid.UUID,
    attempt: int,
    problem: dict[str, Any],
    kind: JobKind,
    language: str,
    code: str,
    stdin: str | None,
    moment: datetime,
) -> SubmissionCreated:
    """The `submission.created/v1` job for a submission, from the problem's current tests and limits."""
    reference = problem_reference(problem) if kind is JobKind.RUN else None
    try:
        return SubmissionCreated(
            submission_id=submission_id,
            attempt=attempt,
            kind=kind,
            language=language,
            source=code,
            limits=JudgeLimits(**problem["limits"]),
            checker=CheckerSettings(**problem.get("checker", {})),
            tests=_job_tests(problem=problem, kind=kind, stdin=stdin),
            stop_on_first_failure=True,
            reference=ReferenceSolution(**reference) if reference else None,
            created_at=moment,
            function=problem.get("function"),
        )
    except ValidationError as exc:
        raise ApplicationError(
            f"The submission cannot be judged: {exc.errors()[0]['msg']}",
            code=ErrorCode.INVALID,
        ) from exc


def _broker_unavailable(exc: BrokerUnavailable) -> ApplicationError:
    return ApplicationError(
        "The judge queue is unavailable right now; nothing was submitted. Please retry in a moment.",
        code=ErrorCode.BROKER_UNAVAILABLE,
        status_code=503,
    )


def submission_create(*, caller: Caller, problem_id: str, lang: str, code: str) -> str:
    """Judge `code` against every test of the problem; returns the submission id once the job is queued."""
    problem, language = _validate_common(problem_id=problem_id, lang=lang, code=code)
    return _create_and_publish(
        caller=caller, problem=problem, kind=JobKind.SUBMIT, language=language, code=code
    )


def run_create(*, caller: Caller, problem_id: str, lang: str, code: str, stdin: str) -> str:
    """Run `code` on custom input; with a reference solution the judge compares against its output."""
    size = len(stdin.encode("utf-8"))
    if size > settings.MAX_STDIN_BYTES:
        raise ApplicationError(
            f"The input is {size} bytes; the limit is {settings.MAX_STDIN_BYTES} bytes.",
            code=ErrorCode.STDIN_TOO_LARGE,
            status_code=413,
        )
    problem, language = _validate_common(problem_id=problem_id, lang=lang, code=code)
    signature = problem_signature(problem)
    if signature is not None:
        # A function problem's custom input is LeetCode's: one JSON value per parameter, one per line.
        try:
            parse_input(signature, stdin)
        except InputError as exc:
            raise ApplicationError(
                f"The input does not fit the function's parameters: {exc}", code=ErrorCode.INVALID
            ) from None
    return _create_and_publish(
        caller=caller, problem=problem, kind=JobKind.RUN, language=language, code=code, stdin=stdin
    )


def _create_and_publish(
    *,
    caller: Caller,
    problem: dict[str, Any],
    kind: JobKind,
    language: str,
    code: str,
    stdin: str | None = None,
) -> str:
    submission_id = uuid.uuid4()
    sid = str(submission_id)
    log_bind(submission_id=sid, attempt=1, language=language)  # the request's middleware unbinds it
    moment = datetime.now(UTC)
    now = to_iso(moment)
    job = _job(
        submission_id=submission_id,
        attempt=1,
        problem=problem,
        kind=kind,
        language=language,
        code=code,
        stdin=stdin,
        moment=moment,
    )
    submissions = collection(Collections.SUBMISSIONS)
    submissions.insert_one(
        {
            "_id": sid,
            "submission_id": sid,
            "user_id": caller.user_id,
            "username": caller.username,
            "problem_id": problem["_id"],
            "kind": kind.value,
            "lang": language,
            "code": code,
            "stdin": stdin,
            "sample_names": [t.name for t in job.tests if t.sample],
            "status": SubmissionStatus.CREATED.value,
            "attempt": 1,
            "result": None,
            "created_at": now,
            "updated_at": now,
        }
    )
    try:
        in_flight_admit(user_id=caller.user_id, kind=kind.value)
    except ApplicationError:
        submissions.delete_one({"_id": sid})  # never published: as if it had not been submitted
        raise
    try:
        publish_job(job)
    except BrokerUnavailable as exc:
        SUBMISSION_PUBLISH_FAILURES.labels(kind=kind.value).inc()
        logger.warning("submission %s not queued: %s", sid, exc)
        submissions.update_one(
            {"_id": sid, "status": SubmissionStatus.CREATED.value},
            {"$set": {"status": SubmissionStatus.FAILED.value, "updated_at": now_iso()}},
        )
        raise _broker_unavailable(exc) from exc
    submissions.update_one(
        {"_id": sid, "status": SubmissionStatus.CREATED.value},
        {"$set": {"status": SubmissionStatus.QUEUED.value, "updated_at": now_iso()}},
    )
    SUBMISSIONS_CREATED.labels(language=language, kind=kind.value).inc()
    return sid


def submission_rejudge(*, submission_id: str) -> int:
    """Judge an accepted submission again against the problem's current tests; returns the new attempt.

    The attempt is raised first, so a late result of the previous attempt is stale from that moment on.
    The previous verdict stays visible until the new one lands.
    """
    submissions = collection(Collections.SUBMISSIONS)
    doc = submissions.find_one_and_update(
        {
            "_id": submission_id,
            "status": {"$in": [SubmissionStatus.QUEUED.value, SubmissionStatus.JUDGED.value]},
        },
        {"$inc": {"attempt": 1}, "$set": {"updated_at": now_iso()}},
        return_document=ReturnDocument.AFTER,
    )
    if doc is None:
        raise ApplicationError("Submission not found.", code=ErrorCode.SUBMISSION_NOT_FOUND, status_code=404)
    problem = problem_get(problem_id=doc["problem_id"])
    if problem is None:
        raise ApplicationError(
            "The problem no longer exists.", code=ErrorCode.PROBLEM_NOT_FOUND, status_code=404
        )
    job = _job(
        submission_id=uuid.UUID(submission_id),
        attempt=doc["attempt"],
        problem=problem,
        kind=JobKind(doc["kind"]),
        language=stored_language(doc["lang"]),
        code=doc["code"],
        stdin=doc.get("stdin"),
        moment=datetime.now(UTC),
    )
    # The tests may have changed since the first attempt: io may be shown for today's samples only.
    submissions.update_one(
        {"_id": submission_id}, {"$set": {"sample_names": [t.name for t in job.tests if t.sample]}}
    )
    try:
        publish_job(job)
    except BrokerUnavailable as exc:
        SUBMISSION_PUBLISH_FAILURES.labels(kind=job.kind.value).inc()
        raise _broker_unavailable(exc) from exc
    return int(doc["attempt"])


def result_apply_filter(*, submission_id: str, attempt: int) -> dict[str, object]:
    """This submission, unless it already has a verdict of this or a later attempt.

    Every condition sits in one `$and`: nx-27017 (the local MongoDB stand-in) ignores `_id` when it stands
    beside a top-level `$or` once other documents match the `$or`, and would apply the verdict to another
    user's submission. Real MongoDB reads both forms the same way.
    """
    return {
        "$and": [
            {"_id": submission_id},
            {"attempt": {"$lte": attempt}},
            {"$or": [{"judged_attempt": {"$exists": False}}, {"judged_attempt": {"$lt": attempt}}]},
        ]
    }


def result_apply(*, result: SubmissionJudged) -> ResultOutcome:
    """Store a verdict unless the submission already has one for this or a later attempt."""
    sid = str(result.submission_id)
    stored = result.model_dump(mode="json", by_alias=True)
    submissions = collection(Collections.SUBMISSIONS)
    before = submissions.find_one_and_update(
        result_apply_filter(submission_id=sid, attempt=result.attempt),
        {
            "$set": {
                "status": SubmissionStatus.JUDGED.value,
                "result": stored,
                "judged_attempt": result.attempt,
                "judged_at": to_iso(result.judged_at),
                "updated_at": now_iso(),
            }
        },
        return_document=ReturnDocument.BEFORE,
    )
    if before is None:
        if submissions.find_one({"_id": sid}, {"_id": 1}) is None:
            return ResultOutcome.UNKNOWN_SUBMISSION
        return ResultOutcome.IGNORED
    if before.get("kind") == JobKind.SUBMIT and "judged_attempt" not in before:
        problem_record_verdict(problem_id=before["problem_id"], accepted=result.verdict is Verdict.ACCEPTED)
    doc = {**before, "result": stored, "status": SubmissionStatus.JUDGED.value}
    result_cache_set(sid, user_id=before["user_id"], data=result_view(doc))
    result_announce(sid)
    return ResultOutcome.APPLIED
