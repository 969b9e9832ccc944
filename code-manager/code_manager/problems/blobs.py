"""Test data stored once, content-addressed: a blob is its sha256 (ADR 0150).

Bytes are written in 1 MiB chunks to `test_blob_chunks` (`_id` "<sha256>:<n>") and then, last, a
`test_blobs` document (`_id` the sha256, with size and chunk count): a blob whose document exists is
complete. The same bytes are stored once whatever the problem, version or import; importing a package
again writes no chunk it already has. Chunks are read one at a time, so serving a 10 MB test holds 1 MiB.

Blobs are never deleted by a test replacement: a job already queued may name the old version's hashes
(a later clean-up must keep every hash a current or queued test names; ADR 0150, known gap).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bson import Binary

from algocode_contracts.package import file_ref
from algocode_contracts.testdata import BlobRef, blob_ref_of_bytes
from code_manager.common.clock import now_iso
from code_manager.common.mongo import Collections, collection

CHUNK_BYTES = 1024 * 1024


def _chunk_id(sha256: str, index: int) -> str:
    return f"{sha256}:{index}"


def blob_get(*, sha256: str) -> dict[str, Any] | None:
    """The blob's document ({_id, size, chunks}) when it is completely stored, else None."""
    return collection(Collections.TEST_BLOBS).find_one({"_id": sha256})


def _store(ref: BlobRef, chunks: Iterator[bytes]) -> BlobRef:
    if blob_get(sha256=ref.sha256) is not None:
        return ref  # content-addressed: already there, byte for byte
    chunk_coll = collection(Collections.TEST_BLOB_CHUNKS)
    count = 0
    digest = hashlib.sha256()
    for index, chunk in enumerate(chunks):
        digest.update(chunk)
        # update_one with $set: nx-27017 takes an upsert's _id from the filter only then (not replace_one).
        chunk_coll.update_one(
            {"_id": _chunk_id(ref.sha256, index)},
            {"$set": {"sha256": ref.sha256, "n": index, "data": Binary(chunk)}},
            upsert=True,
        )
        count = index + 1
    if digest.hexdigest() != ref.sha256:  # the file changed while it was read
        raise OSError(f"test data changed while it was stored (expected {ref.sha256[:12]})")
    collection(Collections.TEST_BLOBS).update_one(
        {"_id": ref.sha256},
        {"$set": {"size": ref.size, "chunks": count, "created_at": now_iso()}},
        upsert=True,
    )
    return ref


def blob_put_bytes(data: bytes) -> BlobRef:
    ref = blob_ref_of_bytes(data)
    return _store(ref, (data[i : i + CHUNK_BYTES] for i in range(0, len(data), CHUNK_BYTES)))


def blob_put_file(path: Path) -> BlobRef:
    """Store a file's bytes, read 1 MiB at a time (hashed first: a blob already stored costs one read)."""
    ref = file_ref(path)

    def chunks() -> Iterator[bytes]:
        with path.open("rb") as file:
            while chunk := file.read(CHUNK_BYTES):
                yield chunk

    return _store(ref, chunks())


def blob_chunks(*, sha256: str, chunks: int) -> Iterator[bytes]:
    """The blob's bytes, one chunk at a time. Raises LookupError if a chunk is missing."""
    chunk_coll = collection(Collections.TEST_BLOB_CHUNKS)
    for index in range(chunks):
        doc = chunk_coll.find_one({"_id": _chunk_id(sha256, index)})
        if doc is None:
            raise LookupError(f"blob {sha256}: chunk {index} is missing")
        yield bytes(doc["data"])


def blob_head(*, sha256: str, limit: int) -> bytes:
    """The first `limit` bytes of a blob (what is shown of a sample), reading only the chunks needed."""
    meta = blob_get(sha256=sha256)
    if meta is None:
        return b""
    out = bytearray()
    for chunk in blob_chunks(sha256=sha256, chunks=meta["chunks"]):
        out += chunk
        if len(out) >= limit:
            break
    return bytes(out[:limit])
