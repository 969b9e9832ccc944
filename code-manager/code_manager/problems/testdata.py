"""A problem test's stored form, its job form and its displayed form (ADR 0150).

Stored (`problem_tests`): `input_ref` / `answer_ref` ({sha256, size}) name the bytes in the blob store,
and `input` / `answer` keep the text too when it is small UTF-8 (what a job may carry inline and the
staff API shows), else None. Documents written before ADR 0150 have the text only; they are judged inline
as before.
Job: inline text while the job's budget lasts (`InlineBudget`), else the references.
Displayed (public samples, staff API): decoded with U+FFFD for invalid bytes, big ones cut.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from algocode_contracts import TestCase
from algocode_contracts.testdata import INLINE_TEST_BYTES, BlobRef, InlineBudget, display_text, utf8_or_none
from code_manager.problems.blobs import blob_head, blob_put_bytes, blob_put_file

if TYPE_CHECKING:
    from code_manager.problems.services import TestData

# What a public sample or the staff API shows of a test's bytes, at most.
SHOWN_BYTES = 64 * 1024


def _stored_side(value: str | bytes | Path) -> tuple[BlobRef, str | None]:
    if isinstance(value, Path):
        ref = blob_put_file(value)
        small = value.read_bytes() if ref.size <= INLINE_TEST_BYTES else None
    else:
        data = value.encode("utf-8", "surrogatepass") if isinstance(value, str) else value
        ref = blob_put_bytes(data)
        small = data if len(data) <= INLINE_TEST_BYTES else None
    return ref, utf8_or_none(small) if small is not None else None


def stored_test(test: TestData) -> dict[str, Any]:
    """The data fields of a `problem_tests` document; the bytes go to the blob store first."""
    input_ref, input_text = _stored_side(test.input)
    answer_ref, answer_text = _stored_side(test.answer)
    return {
        "input_ref": input_ref.model_dump(),
        "answer_ref": answer_ref.model_dump(),
        "input": input_text,
        "answer": answer_text,
    }


def _shown(text: str | None, ref: dict[str, Any] | None) -> str:
    if text is not None:
        return text
    if ref is None:
        return ""
    head = blob_head(sha256=ref["sha256"], limit=SHOWN_BYTES)
    return display_text(head) + ("\n…" if ref["size"] > SHOWN_BYTES else "")


def sample_display(fields: dict[str, Any]) -> dict[str, str]:
    """A sample as the public problem shows it: {"input", "output"} text."""
    return {
        "input": _shown(fields.get("input"), fields.get("input_ref")),
        "output": _shown(fields.get("answer"), fields.get("answer_ref")),
    }


def test_out(doc: dict[str, Any]) -> dict[str, Any]:
    """A test as the staff API shows it: display text (cut when big) and the references."""
    shown = sample_display(doc)
    return {
        "name": doc["name"],
        "input": shown["input"],
        "answer": shown["output"],
        "sample": doc["sample"],
        "input_ref": doc.get("input_ref"),
        "answer_ref": doc.get("answer_ref"),
    }


def job_test(doc: dict[str, Any], budget: InlineBudget) -> TestCase:
    """A stored test in a job: inline while `budget` lasts, by reference otherwise."""
    input_ref, answer_ref = doc.get("input_ref"), doc.get("answer_ref")
    if input_ref is None or answer_ref is None:  # stored before ADR 0150: text only, inline as before
        return TestCase(name=doc["name"], input=doc["input"], answer=doc["answer"], sample=doc["sample"])
    if budget.take(doc.get("input"), doc.get("answer")):
        return TestCase(name=doc["name"], input=doc["input"], answer=doc["answer"], sample=doc["sample"])
    return TestCase(
        name=doc["name"],
        input="",
        answer="",
        sample=doc["sample"],
        input_ref=BlobRef(**input_ref),
        answer_ref=BlobRef(**answer_ref),
    )


test_out.__test__ = False  # type: ignore[attr-defined]  # a name pytest would collect from imports
