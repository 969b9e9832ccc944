"""Test data as bytes, carried inline when small or by reference to a content-addressed blob (ADR 0150).

A test's input and answer are bytes. A job (`submission.created/v1`) carries a test inline only when it is
small UTF-8 text (the `input`/`answer` strings it always had); anything else travels as a `BlobRef`: the
sha256 and size of the bytes, which the judge fetches from the code manager's internal endpoint, verifies
and caches (rce_engine/judge/testdata.py). So a 200 MB test set makes a job of a few hundred bytes per
test, and a non-UTF-8 answer is judged exactly as its bytes say.

`inline_text` is the one policy every producer uses (the code manager's job builder, the package's
`to_job`), so a job's inline part stays under `INLINE_JOB_BUDGET` whatever the problem.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Final

from pydantic import BaseModel, ConfigDict, Field

# A test is inline only if each of its input and answer is at most this many bytes of UTF-8 ...
INLINE_TEST_BYTES: Final = 16 * 1024
# ... and the job's inline tests together (JSON-encoded) stay under this; the rest go by reference.
INLINE_JOB_BUDGET: Final = 128 * 1024
SHA256_PATTERN: Final = r"^[0-9a-f]{64}$"
_CHUNK = 1024 * 1024


class BlobRef(BaseModel):
    """Bytes by reference: their sha256 (lowercase hex) and their size. The receiver checks both."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    sha256: str = Field(pattern=SHA256_PATTERN)
    size: int = Field(ge=0, le=4 * 1024**3)


def blob_ref_of_bytes(data: bytes) -> BlobRef:
    return BlobRef(sha256=hashlib.sha256(data).hexdigest(), size=len(data))


def blob_ref_of_file(path: Path) -> BlobRef:
    """Hash a file in 1 MiB reads (a 10 MB test is never all in memory for this)."""
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as file:
        while chunk := file.read(_CHUNK):
            digest.update(chunk)
            size += len(chunk)
    return BlobRef(sha256=digest.hexdigest(), size=size)


def utf8_or_none(data: bytes) -> str | None:
    """`data` as text when it is valid UTF-8 (so it can travel inline in JSON unchanged), else None."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def display_text(data: bytes) -> str:
    """What users are shown of test bytes: UTF-8 with U+FFFD for every invalid byte and for NUL."""
    return data.decode("utf-8", "replace").replace("\x00", "\ufffd")


class InlineBudget:
    """Decides, test by test in judging order, which tests travel inline in one job."""

    def __init__(self, budget: int = INLINE_JOB_BUDGET) -> None:
        self.left = budget

    def take(self, input_text: str | None, answer_text: str | None) -> bool:
        """True (and the budget is spent) when this test, given as text (None: not UTF-8 or not loaded),
        goes inline; False: it goes by reference."""
        if input_text is None or answer_text is None:
            return False
        if max(len(input_text.encode()), len(answer_text.encode())) > INLINE_TEST_BYTES:
            return False
        cost = len(json.dumps(input_text)) + len(json.dumps(answer_text))
        if cost > self.left:
            return False
        self.left -= cost
        return True
