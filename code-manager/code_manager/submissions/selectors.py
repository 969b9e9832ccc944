"""Reads of submissions: the owner-only result view, the wait for a verdict, and the caller's history.

Another user's submission is indistinguishable from an unknown one (404), and the result view is built
from an allow-list of fields: no e-mail, no hidden test data, no worker internals.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

from django.conf import settings

from algocode_contracts import JobKind, Verdict
from code_manager.common.auth import Caller
from code_manager.common.errors import ApplicationError, ErrorCode
from code_manager.common.mongo import Collections, collection
from code_manager.common.pagination import Page
from code_manager.common.selectors import judges_running
from code_manager.problems.selectors import stored_language
from code_manager.submissions.cache import result_cache_get, result_cache_set
from code_manager.submissions.models import SubmissionStatus
from code_manager.submissions.standing import beats_from, histogram_id, histograms_get, with_beats
from code_manager.submissions.waiter import result_wait


def submission_not_found() -> ApplicationError:
    return ApplicationError("Submission not found.", code=ErrorCode.SUBMISSION_NOT_FOUND, status_code=404)


def _is_shown(doc: dict[str, Any], test_name: str | None) -> bool:
    """Whether a test's details may be shown to the submitter: samples and custom runs only."""
    return doc.get("kind") == JobKind.RUN or test_name in doc.get("sample_names", [])


def visible_outcome(doc: dict[str, Any], *, full: bool = False) -> tuple[str, list[dict[str, Any]]]:
    """The message and per-test results of a judged submission as its submitter may see them.

    The judge's result keeps everything (stored as is); for a hidden test users get the verdict, its
    ordinal and time/memory only: no name, no exit code, no signal, in the list and in the message
    ("Runtime Error on test 3"). An exit code is eight bits of the hidden input per submission
    (threat-model.md #45). `full` (staff) shows the stored result unchanged.
    """
    result = doc["result"]
    message: str = result["message"]
    tests: list[dict[str, Any]] = result.get("tests", [])
    if full:
        return message, tests
    shown = [
        {"ordinal": i, **test}
        if _is_shown(doc, test.get("name"))
        else {
            "ordinal": i,
            "verdict": test["verdict"],
            "time_ms": test.get("time_ms"),
            "wall_ms": test.get("wall_ms"),
            "memory_kib": test.get("memory_kib"),
        }
        for i, test in enumerate(tests, start=1)
    ]
    verdict = Verdict(result["verdict"])
    failed = next((t for t in tests if t["verdict"] != Verdict.ACCEPTED), None)
    if failed is not None:
        name: str | None = failed.get("name")
        ordinal = tests.index(failed) + 1
    else:  # no per-test list: the judge stops at the first failure, so it is test passed + 1
        _, marker, tail = message.rpartition(" on test ")
        name, ordinal = (tail if marker else None), int(result.get("passed", 0)) + 1
    named_a_test = failed is not None or name is not None
    if verdict is not Verdict.ACCEPTED and named_a_test and not _is_shown(doc, name):
        message = f"{verdict.label} on test {ordinal}"
    return message, shown


def result_view(doc: dict[str, Any], *, full: bool = False) -> dict[str, Any]:
    """The `data` of a finished result check (docs/api.md); `full`: staff, hidden tests not redacted."""
    result = doc["result"]
    verdict = Verdict(result["verdict"])
    message, tests = visible_outcome(doc, full=full)
    io = result.get("io")
    if (
        io is not None
        and doc.get("kind") == JobKind.SUBMIT
        and io.get("test") not in doc.get("sample_names", [])
    ):
        io = None  # defence in depth: the judge only sends io for samples, and we never relay hidden data
    return {
        "submission_id": doc["_id"],
        "problem_id": doc["problem_id"],
        "kind": doc.get("kind", JobKind.SUBMIT),
        "lang": stored_language(doc["lang"]),
        "attempt": result["attempt"],
        "verdict": verdict.value,
        "status": verdict.label,
        "message": message,
        "result": {"verdict": verdict.label, "result": message},
        "passed": result["passed"],
        "total": result["total"],
        "max_time_ms": result["max_time_ms"],
        "max_memory_kib": result["max_memory_kib"],
        "compile_output": result.get("compile_output", ""),
        "tests": tests,
        "io": io,
        "score": result.get("score"),  # scoring problems (docs/api.md#scores)
        "max_score": result.get("max_score"),
        "groups": result.get("groups", []),
        "created_at": doc.get("created_at"),
        "judged_at": result.get("judged_at"),
    }


def _load_result(*, submission_id: str, user_id: str, full: bool = False) -> dict[str, Any] | None:
    """The finished result, or None while pending; raises 404 for unknown or foreign submissions.

    The cache holds the redacted view every submitter gets; staff (`full`) read MongoDB.
    """
    cached = None if full else result_cache_get(submission_id)
    if cached is not None:
        if cached.get("user_id") != user_id:
            raise submission_not_found()
        return cached["data"]
    doc = collection(Collections.SUBMISSIONS).find_one({"_id": submission_id})
    if doc is None or doc["user_id"] != user_id:
        raise submission_not_found()
    if doc.get("result") is None:
        if doc["status"] == SubmissionStatus.FAILED:
            raise submission_not_found()  # the client was told 503: this id was never accepted
        return None
    if full:
        return result_view(doc, full=True)
    data = result_view(doc)
    result_cache_set(submission_id, user_id=user_id, data=data)
    return data


@dataclass(frozen=True, slots=True)
class ResultCheck:
    data: dict[str, Any] | None  # None: still pending
    retry_after_s: int | None = None  # set when the check could not wait: every wait slot was taken


def result_check(*, caller: Caller, submission_id: str, wait_seconds: float | None = None) -> ResultCheck:
    """The result data, waiting up to RESULT_WAIT_SECONDS for it while a wait slot is free (threat-model.md
    #52); a check that could not wait tells the client to come back after that long instead."""
    timeout = settings.RESULT_WAIT_SECONDS if wait_seconds is None else wait_seconds
    found = result_wait(
        submission_id,
        lambda: _load_result(submission_id=submission_id, user_id=caller.user_id, full=caller.is_staff),
        timeout=timeout,
        owner=caller.user_id,
    )
    if found.value is not None:
        return ResultCheck(with_beats(found.value))
    if found.waited:
        return ResultCheck(None)
    return ResultCheck(None, retry_after_s=max(1, math.ceil(settings.RESULT_WAIT_SECONDS)))


def result_pending_message(*, caller: Caller, submission_id: str) -> str:
    """What a pending result check tells the user: plainly, when no judge for its language is running."""
    doc = collection(Collections.SUBMISSIONS).find_one(
        {"_id": submission_id, "user_id": caller.user_id}, {"lang": 1}
    )
    language = stored_language(doc.get("lang") or "") if doc else None
    if language and judges_running(language) == 0:
        return (
            f"Queued: no judge for {language} is running right now. The submission is kept and will be "
            "judged when one starts."
        )
    return "Queued or being judged: check again shortly."


def submission_list(
    *, caller: Caller, page: Page, problem_id: str | None = None
) -> tuple[int, list[dict[str, Any]]]:
    query: dict[str, Any] = {"user_id": caller.user_id, "status": {"$ne": SubmissionStatus.FAILED.value}}
    if problem_id:
        query["problem_id"] = problem_id
    submissions = collection(Collections.SUBMISSIONS)
    count = submissions.count_documents(query)
    cursor = (
        submissions.find(query, {"code": 0, "stdin": 0})
        .sort([("created_at", -1), ("_id", 1)])
        .skip(page.skip)
        .limit(page.size)
    )
    docs = list(cursor)
    items = [_history_item(doc, full=caller.is_staff) for doc in docs]
    # One read for the page's histograms, however many accepted items it shows (ADR 0131).
    accepted = [i for i in items if i["verdict"] == Verdict.ACCEPTED and i["kind"] == JobKind.SUBMIT]
    histograms = histograms_get((i["problem_id"], i["lang"]) for i in accepted)
    for item, doc in zip(items, docs, strict=True):
        result = doc.get("result") or {}
        view = {
            **item,
            "max_time_ms": result.get("max_time_ms"),
            "max_memory_kib": result.get("max_memory_kib"),
        }
        item.update(beats_from(histograms.get(histogram_id(item["problem_id"], item["lang"])), view))
    return count, items


def _history_item(doc: dict[str, Any], *, full: bool = False) -> dict[str, Any]:
    result = doc.get("result")
    verdict = Verdict(result["verdict"]) if result else None
    message = visible_outcome(doc, full=full)[0] if result else None
    return {
        "submission_id": doc["_id"],
        "problem_id": doc["problem_id"],
        "kind": doc.get("kind", JobKind.SUBMIT),
        "lang": stored_language(doc["lang"]),
        "state": doc["status"],
        "verdict": verdict.value if verdict else None,
        "status": verdict.label if verdict else "Pending",
        "message": message,
        "passed": result["passed"] if result else None,
        "total": result["total"] if result else None,
        "score": result.get("score") if result else None,
        "max_score": result.get("max_score") if result else None,
        "created_at": doc.get("created_at"),
        "judged_at": result.get("judged_at") if result else None,
    }
