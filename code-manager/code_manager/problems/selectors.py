"""Reads of problems and their tests. Public output is rendered by problems/apis.py::ProblemOut, an
allow-list of fields: hidden tests and the reference solution never leak into it."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from algocode_contracts import LANGUAGES, canonical_language
from algocode_contracts.functions import Signature, parse_signature
from algocode_contracts.functions.languages import LANGUAGES_WITH_DRIVERS
from code_manager.common.mongo import Collections, collection
from code_manager.common.pagination import Page


class ProblemOrdering(StrEnum):
    CREATED = "created_at"
    CREATED_DESC = "-created_at"
    UPDATED = "updated_at"
    UPDATED_DESC = "-updated_at"
    TITLE = "title"
    TITLE_DESC = "-title"
    DIFFICULTY = "difficulty"
    DIFFICULTY_DESC = "-difficulty"
    NUMBER = "problem_number"
    NUMBER_DESC = "-problem_number"


def _sort_spec(ordering: ProblemOrdering) -> list[tuple[str, int]]:
    field = ordering.value.lstrip("-")
    direction = -1 if ordering.value.startswith("-") else 1
    # A unique tie-breaker keeps pages stable when many problems share the sort value.
    return [(field, direction), ("problem_number", 1)]


def problem_list(
    *,
    page: Page,
    title: str | None = None,
    tags: list[str] | None = None,
    difficulty: list[int] | None = None,
    ordering: ProblemOrdering = ProblemOrdering.CREATED_DESC,
) -> tuple[int, list[dict[str, Any]]]:
    query: dict[str, Any] = {}
    if title:
        query["title"] = {"$regex": re.escape(title), "$options": "i"}
    if tags:
        query["tags"] = {"$all": [tag.lower() for tag in tags]}
    if difficulty:
        query["difficulty"] = {"$in": difficulty}
    problems = collection(Collections.PROBLEMS)
    count = problems.count_documents(query)
    # The reference solution is never output; it is not even read here.
    cursor = (
        problems.find(query, {"reference": 0}).sort(_sort_spec(ordering)).skip(page.skip).limit(page.size)
    )
    return count, list(cursor)


def problem_get(*, problem_id: str) -> dict[str, Any] | None:
    """The stored document (with the reference solution): for services, never for output."""
    return collection(Collections.PROBLEMS).find_one({"_id": problem_id})


def problem_tests(*, problem: dict[str, Any]) -> list[dict[str, Any]]:
    """The current version of a problem's tests, samples first, in their import order."""
    cursor = collection(Collections.PROBLEM_TESTS).find(
        {"problem_id": problem["_id"], "version": problem.get("tests_version", 0)}
    )
    tests = sorted(cursor, key=lambda test: (not test["sample"], test["order"]))
    return [{k: test[k] for k in ("name", "input", "answer", "sample")} for test in tests]


def stored_language(value: str) -> str:
    """A language id read from a stored document as today's id: documents written before ADR 0112 say
    `python` (problem restrictions and references, submissions)."""
    return canonical_language(value) or value


def problem_languages(doc: dict[str, Any]) -> list[str]:
    """The language ids a submission to this problem may use: its restriction, else every language; a
    function-style problem only those with a driver (the others could not run the user's function)."""
    stored = doc.get("languages")
    ids = {stored_language(key) for key in stored} if stored else set(LANGUAGES)
    if doc.get("function"):
        ids &= set(LANGUAGES_WITH_DRIVERS)
    return [key for key in LANGUAGES if key in ids]


def problem_signature(doc: dict[str, Any]) -> Signature | None:
    """The problem's function signature (None: a stdin problem)."""
    return parse_signature(doc.get("function"))


def problem_reference(doc: dict[str, Any]) -> dict[str, str] | None:
    """The problem's reference solution ({"language", "source"}) with its language as an id, or None."""
    reference = doc.get("reference")
    if not reference:
        return None
    return {**reference, "language": stored_language(reference["language"])}
