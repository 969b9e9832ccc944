"""How good was an accepted solution: "runtime beats X %, memory beats Y %" and who solved what (ADR 0131).

Nothing here scans submissions on a request. Each (problem, language) has one histogram document
(`solution_histograms`): the number of accepted submissions counted, and per bucket of `max_time_ms`
and of `max_memory_kib` how many of them fell there, kept by `$inc`. "Beats X %" is the share of the
*other* counted submissions in strictly higher buckets; one document read answers it.

Every submission records which bucket pair it added (`standing`, a scalar "time:memory" or null). When a
result is stored (or a redelivered or stale one arrives), `standing_record` compares what the submission
*should* contribute (its current result: an accepted real submission) with what it did, moves the marker
with a compare-and-swap, and only the winner applies the difference: a redelivery changes nothing, a
rejudge that changes the time moves the submission from one bucket to another, a rejudge to WA takes it
out. The same transition keeps `solved` (one document per problem and user: how many of the user's
submissions are counted) and the problem's `stats.accepted_users` (distinct users).
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable
from typing import Any

import pymongo.errors
from pymongo import ReturnDocument

from algocode_contracts import JobKind, Verdict
from code_manager.common.mongo import Collections, collection

logger = logging.getLogger(__name__)

# Buckets: 1 ms up to 1 s (every time limit's usual range, exact there), 10 ms up to 10 s, 100 ms after;
# memory in 256 KiB steps. A bucket is named by its lower edge.
TIME_EXACT_MS = 1000
TIME_MEDIUM_MS = 10_000
MEMORY_STEP_KIB = 256
_CAS_ATTEMPTS = 8


def time_bucket(ms: int) -> int:
    ms = max(0, int(ms))
    if ms < TIME_EXACT_MS:
        return ms
    if ms < TIME_MEDIUM_MS:
        return ms - ms % 10
    return ms - ms % 100


def memory_bucket(kib: int) -> int:
    kib = max(0, int(kib))
    return kib - kib % MEMORY_STEP_KIB


def histogram_id(problem_id: str, lang: str) -> str:
    return f"{problem_id}:{lang}"


def _contribution(doc: dict[str, Any]) -> str | None:
    """The bucket pair this submission should add now: an accepted real submission, else nothing."""
    result = doc.get("result")
    if doc.get("kind", JobKind.SUBMIT) != JobKind.SUBMIT or not result:
        return None
    if result.get("verdict") != Verdict.ACCEPTED:
        return None
    return f"{time_bucket(result['max_time_ms'])}:{memory_bucket(result['max_memory_kib'])}"


def standing_record(*, submission_id: str) -> None:
    """Make the histograms, `solved` and `accepted_users` agree with the submission's stored result.

    Idempotent: call it for every result message, applied or not (a redelivery after a crash between
    storing the verdict and this call repairs the count). Crash window left: between the marker's swap
    and the `$inc` (ADR 0131); `manage.py rebuild_standings` recounts from the submissions.
    """
    submissions = collection(Collections.SUBMISSIONS)
    fields = {"kind": 1, "result": 1, "standing": 1, "problem_id": 1, "lang": 1, "user_id": 1}
    for _ in range(_CAS_ATTEMPTS):
        doc = submissions.find_one({"_id": submission_id}, fields)
        if doc is None:
            return
        want, have = _contribution(doc), doc.get("standing")
        if want == have:
            return
        swapped = submissions.update_one(
            {"_id": submission_id, "standing": have}, {"$set": {"standing": want}}
        )
        if swapped.matched_count == 1:
            _apply(doc, have=have, want=want)
            return
    logger.warning("standing of %s kept changing under us; left for the next result", submission_id)


def _ensure(coll: Any, doc: dict[str, Any]) -> None:
    """Create a counter document once (an upsert with dotted `$inc` paths is not portable to nx-27017)."""
    with contextlib.suppress(pymongo.errors.DuplicateKeyError):
        coll.insert_one(doc)


def _apply(doc: dict[str, Any], *, have: str | None, want: str | None) -> None:
    problem_id, lang, user_id = doc["problem_id"], doc["lang"], doc["user_id"]
    inc: dict[str, int] = {}
    for pair, step in ((have, -1), (want, 1)):
        if pair is None:
            continue
        t, m = pair.split(":")
        for key in ("count", f"time.{t}", f"memory.{m}"):
            inc[key] = inc.get(key, 0) + step
    inc = {k: v for k, v in inc.items() if v}
    if inc:
        histograms = collection(Collections.SOLUTION_HISTOGRAMS)
        hid = histogram_id(problem_id, lang)
        _ensure(
            histograms,
            {"_id": hid, "problem_id": problem_id, "lang": lang, "count": 0, "time": {}, "memory": {}},
        )
        histograms.update_one({"_id": hid}, {"$inc": inc})
    if (have is None) == (want is None):
        return  # accepted before and after (a rejudge that moved the time): the same users solved it
    step = 1 if want is not None else -1
    solved = collection(Collections.SOLVED)
    sid = f"{problem_id}:{user_id}"
    _ensure(solved, {"_id": sid, "problem_id": problem_id, "user_id": user_id, "accepted": 0})
    after = solved.find_one_and_update(
        {"_id": sid}, {"$inc": {"accepted": step}}, return_document=ReturnDocument.AFTER
    )
    if after is not None and after["accepted"] == (1 if step == 1 else 0):
        collection(Collections.PROBLEMS).update_one(
            {"_id": problem_id}, {"$inc": {"stats.accepted_users": step}}
        )


# ---- reads -------------------------------------------------------------------------------------------


def _beats(buckets: dict[str, int], mine: int, others: int) -> float | None:
    if others <= 0:
        return None  # nobody else to compare with
    above = sum(n for key, n in buckets.items() if int(key) > mine)
    return round(100 * min(above, others) / others, 1)


def beats_from(histogram: dict[str, Any] | None, view: dict[str, Any]) -> dict[str, float | None]:
    """`runtime_beats` and `memory_beats` of one result view (docs/api.md), from its histogram."""
    none: dict[str, float | None] = {"runtime_beats": None, "memory_beats": None}
    if view.get("kind", JobKind.SUBMIT) != JobKind.SUBMIT or view.get("verdict") != Verdict.ACCEPTED:
        return none
    if histogram is None or view.get("max_time_ms") is None or view.get("max_memory_kib") is None:
        return none
    others = int(histogram.get("count", 0)) - 1  # the submission itself is counted once it is stored
    return {
        "runtime_beats": _beats(histogram.get("time", {}), time_bucket(view["max_time_ms"]), others),
        "memory_beats": _beats(histogram.get("memory", {}), memory_bucket(view["max_memory_kib"]), others),
    }


def histograms_get(keys: Iterable[tuple[str, str]]) -> dict[str, dict[str, Any]]:
    """The histograms of these (problem, language) pairs, by id: one query for a page of history."""
    ids = sorted({histogram_id(p, lang) for p, lang in keys})
    if not ids:
        return {}
    return {h["_id"]: h for h in collection(Collections.SOLUTION_HISTOGRAMS).find({"_id": {"$in": ids}})}


def with_beats(view: dict[str, Any]) -> dict[str, Any]:
    """A result view with its percentiles (read at request time: the cached view would go stale)."""
    if view.get("verdict") != Verdict.ACCEPTED or view.get("kind", JobKind.SUBMIT) != JobKind.SUBMIT:
        return {**view, "runtime_beats": None, "memory_beats": None}
    histogram = collection(Collections.SOLUTION_HISTOGRAMS).find_one(
        {"_id": histogram_id(view["problem_id"], view["lang"])}
    )
    return {**view, **beats_from(histogram, view)}


DIFFICULTIES = (1, 2, 3, 4, 5)


def user_solved_counts(*, user_id: str) -> dict[str, Any]:
    """Problems the user has an accepted submission of, in all and by difficulty (ADR 0131)."""
    problem_ids = [
        d["problem_id"]
        for d in collection(Collections.SOLVED).find({"user_id": user_id}, {"problem_id": 1, "accepted": 1})
        if d.get("accepted", 0) > 0
    ]
    by_difficulty = {str(level): 0 for level in DIFFICULTIES}
    if problem_ids:
        for problem in collection(Collections.PROBLEMS).find(
            {"_id": {"$in": problem_ids}}, {"difficulty": 1}
        ):
            key = str(problem.get("difficulty"))
            if key in by_difficulty:
                by_difficulty[key] += 1
    return {"solved": sum(by_difficulty.values()), "by_difficulty": by_difficulty}


def standings_rebuild() -> int:
    """Recount everything from the submissions (operators: `manage.py rebuild_standings`); a full scan."""
    collection(Collections.SOLUTION_HISTOGRAMS).delete_many({})
    collection(Collections.SOLVED).delete_many({})
    collection(Collections.PROBLEMS).update_many({}, {"$set": {"stats.accepted_users": 0}})
    submissions = collection(Collections.SUBMISSIONS)
    submissions.update_many({}, {"$set": {"standing": None}})
    counted = 0
    for doc in submissions.find(
        {"kind": JobKind.SUBMIT.value, "result.verdict": Verdict.ACCEPTED.value}, {"_id": 1}
    ):
        standing_record(submission_id=doc["_id"])
        counted += 1
    return counted
