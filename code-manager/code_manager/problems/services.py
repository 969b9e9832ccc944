"""Writes of problems and their tests: create, update, replace tests, and the idempotent import upsert.

Tests are replaced by version: the new set is written under a new version number, the problem is switched
to it in one update, then the old set is deleted, so a submit never sees half of an upload.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from typing import Any

import pymongo.errors
from pymongo import ReturnDocument

from algocode_contracts import CheckerSettings, JudgeLimits
from code_manager.common.clock import now_iso
from code_manager.common.errors import ApplicationError, ErrorCode
from code_manager.common.mongo import Collections, collection
from code_manager.problems.selectors import problem_get

# A new problem's limits: the contract has no default time and memory (every job states them), so these
# two are the code manager's; the rest, and their bounds, are the contract's.
DEFAULT_LIMITS = JudgeLimits(time_limit_ms=1000, memory_limit_kib=256 * 1024).model_dump()
DEFAULT_CHECKER = CheckerSettings().model_dump()


@dataclass
class TestData:
    __test__ = False  # not a pytest class

    name: str
    input: str
    answer: str
    sample: bool = False


@dataclass
class ProblemData:
    title: str
    difficulty: int = 1
    description: str = ""
    constraints: str = ""
    testcases_example: str = ""
    tags: list[str] = field(default_factory=list)
    limits: dict[str, int] = field(default_factory=lambda: dict(DEFAULT_LIMITS))
    checker: dict[str, Any] = field(default_factory=lambda: dict(DEFAULT_CHECKER))
    reference: dict[str, str] | None = None  # {"language", "source"}: runs produce expected output with it
    languages: list[str] | None = None  # the ids submissions may use (problem.yaml `languages`); None: all
    # A function-style problem's signature (its to_dict() form, docs/problem-format.md); None: stdin.
    function: dict[str, Any] | None = None


def _slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-") or "problem"


def _next_problem_number() -> int:
    counter = collection(Collections.COUNTERS).find_one_and_update(
        {"_id": "problem_number"}, {"$inc": {"value": 1}}, upsert=True, return_document=ReturnDocument.AFTER
    )
    assert counter is not None  # upsert with ReturnDocument.AFTER always returns the document
    return int(counter["value"])


def _fields(data: ProblemData) -> dict[str, Any]:
    return {
        "title": data.title,
        "slug": _slug(data.title),
        "difficulty": data.difficulty,
        "description": data.description,
        "constraints": data.constraints,
        "testcases_example": data.testcases_example,
        "tags": sorted({tag.strip().lower() for tag in data.tags if tag.strip()}),
        "limits": {**DEFAULT_LIMITS, **data.limits},
        "checker": {**DEFAULT_CHECKER, **data.checker},
        "reference": data.reference,
        "languages": data.languages,
        "function": data.function,
    }


def problem_create(*, data: ProblemData, problem_id: uuid.UUID | None = None) -> dict[str, Any]:
    pid = str(problem_id or uuid.uuid4())
    if problem_get(problem_id=pid) is not None:
        raise ApplicationError(f"Problem {pid} already exists.", code=ErrorCode.INVALID, status_code=409)
    now = now_iso()
    doc = {
        "_id": pid,
        "problem_id": pid,
        "problem_number": _next_problem_number(),
        **_fields(data),
        "samples": [],
        "tests_version": 0,
        "stats": {"submitted": 0, "accepted": 0},
        "created_at": now,
        "updated_at": now,
    }
    try:
        collection(Collections.PROBLEMS).insert_one(doc)
    except pymongo.errors.DuplicateKeyError:
        raise ApplicationError(
            f"Problem {pid} already exists.", code=ErrorCode.INVALID, status_code=409
        ) from None
    return doc


def problem_update(*, problem_id: str, changes: dict[str, Any]) -> dict[str, Any]:
    """Apply the given fields (a partial ProblemData); limits and checker merge with what is stored."""
    doc = problem_get(problem_id=problem_id)
    if doc is None:
        raise ApplicationError("Problem not found.", code=ErrorCode.PROBLEM_NOT_FOUND, status_code=404)
    current = ProblemData(
        **{key: doc[key] for key in ProblemData.__dataclass_fields__ if key in doc},
    )
    for key, value in changes.items():
        if key in ("limits", "checker"):
            value = {**getattr(current, key), **value}
        setattr(current, key, value)
    updated = collection(Collections.PROBLEMS).find_one_and_update(
        {"_id": problem_id},
        {"$set": {**_fields(current), "updated_at": now_iso()}},
        return_document=ReturnDocument.AFTER,
    )
    if updated is None:  # deleted meanwhile
        raise ApplicationError("Problem not found.", code=ErrorCode.PROBLEM_NOT_FOUND, status_code=404)
    return updated


def problem_tests_replace(*, problem_id: str, tests: list[TestData]) -> dict[str, Any]:
    doc = problem_get(problem_id=problem_id)
    if doc is None:
        raise ApplicationError("Problem not found.", code=ErrorCode.PROBLEM_NOT_FOUND, status_code=404)
    names = [test.name for test in tests]
    if len(set(names)) != len(names):
        raise ApplicationError("Test names must be unique.", code=ErrorCode.INVALID)
    old_version = doc.get("tests_version", 0)
    version = old_version + 1
    tests_coll = collection(Collections.PROBLEM_TESTS)
    if tests:
        tests_coll.insert_many(
            [
                {
                    "_id": f"{problem_id}/{version}/{test.name}",
                    "problem_id": problem_id,
                    "version": version,
                    "order": order,
                    "name": test.name,
                    "input": test.input,
                    "answer": test.answer,
                    "sample": test.sample,
                }
                for order, test in enumerate(tests)
            ]
        )
    samples = [{"name": t.name, "input": t.input, "output": t.answer} for t in tests if t.sample]
    updated = collection(Collections.PROBLEMS).find_one_and_update(
        {"_id": problem_id},
        {"$set": {"tests_version": version, "samples": samples, "updated_at": now_iso()}},
        return_document=ReturnDocument.AFTER,
    )
    tests_coll.delete_many({"problem_id": problem_id, "version": {"$lt": version}})
    if updated is None:  # deleted meanwhile
        raise ApplicationError("Problem not found.", code=ErrorCode.PROBLEM_NOT_FOUND, status_code=404)
    return updated


def problem_upsert(*, problem_id: uuid.UUID, data: ProblemData, tests: list[TestData]) -> bool:
    """Create or update a problem with a known id and replace its tests; True when it was created."""
    pid = str(problem_id)
    created = problem_get(problem_id=pid) is None
    if created:
        problem_create(data=data, problem_id=problem_id)
    else:
        problem_update(problem_id=pid, changes=vars(data))
    problem_tests_replace(problem_id=pid, tests=tests)
    return created


def problem_record_verdict(*, problem_id: str, accepted: bool) -> None:
    """Count a first verdict of a real submission towards the problem's acceptance rate."""
    collection(Collections.PROBLEMS).update_one(
        {"_id": problem_id},
        {"$inc": {"stats.submitted": 1, "stats.accepted": 1 if accepted else 0}},
    )
