"""Reads of problems and their tests. Public output is built here so hidden tests can never leak into it."""

from __future__ import annotations

import re
from enum import StrEnum
from typing import Any

from algocode_contracts import LANGUAGES
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
    cursor = problems.find(query).sort(_sort_spec(ordering)).skip(page.skip).limit(page.size)
    return count, [problem_public(doc) for doc in cursor]


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


def problem_languages(doc: dict[str, Any]) -> list[str]:
    """The language ids a submission to this problem may use: its restriction, else every language."""
    return list(doc.get("languages") or LANGUAGES)


def problem_public(doc: dict[str, Any]) -> dict[str, Any]:
    """The original's `Q` shape plus samples and limits. Only sample tests appear, never hidden ones."""
    stats = doc.get("stats", {})
    submitted = stats.get("submitted", 0)
    accepted = stats.get("accepted", 0)
    samples = doc.get("samples", [])
    return {
        "id": doc["_id"],
        "problem_number": doc.get("problem_number"),
        "title": doc["title"],
        "slug": doc.get("slug", ""),
        "difficulty": doc["difficulty"],
        "description": doc.get("description", ""),
        "testcases_example": doc.get("testcases_example") or _example_text(samples),
        "constraints": doc.get("constraints", ""),
        "samples": samples,
        "limits": doc["limits"],
        "languages": problem_languages(doc),
        "acceptance_rate": f"{(100 * accepted / submitted) if submitted else 0:.2f}",
        "tags": doc.get("tags", []),
        "companies": doc.get("companies", []),
        "created_at": doc.get("created_at"),
        "updated_at": doc.get("updated_at"),
    }


def _example_text(samples: list[dict[str, str]]) -> str:
    return "\n".join(f"Input:\n{s['input']}Output:\n{s['output']}" for s in samples)
