"""The MongoDB client, collection names and the indexes the code relies on (ensured once per process).

The client is created lazily so that each gunicorn worker opens its own connections after the fork.
"""

from __future__ import annotations

import logging
import threading
from enum import StrEnum
from typing import Any

import pymongo
from django.conf import settings
from pymongo.collection import Collection
from pymongo.database import Database

logger = logging.getLogger(__name__)


class Collections(StrEnum):
    PROBLEMS = "problems"
    PROBLEM_TESTS = "problem_tests"
    SUBMISSIONS = "submissions"
    COUNTERS = "counters"
    SOLUTION_HISTOGRAMS = "solution_histograms"  # per (problem, language): submissions/standing.py
    SOLVED = "solved"  # per (problem, user): accepted submissions counted
    TEST_BLOBS = "test_blobs"  # content-addressed test data (problems/blobs.py, ADR 0150)
    TEST_BLOB_CHUNKS = "test_blob_chunks"


# (collection, keys, options): declared here, ensured at start-up by ensure_indexes().
INDEXES: list[tuple[Collections, list[tuple[str, int]], dict[str, Any]]] = [
    # Not on a field called "id": nx-27017 0.8 silently skips indexes on "id" (its own column name).
    (Collections.PROBLEMS, [("problem_id", 1)], {"unique": True, "name": "problem_id_unique"}),
    (Collections.PROBLEMS, [("created_at", -1)], {"name": "problem_created"}),
    (Collections.PROBLEM_TESTS, [("problem_id", 1), ("order", 1)], {"name": "tests_by_problem"}),
    (Collections.SUBMISSIONS, [("submission_id", 1)], {"unique": True, "name": "submission_id_unique"}),
    (Collections.SUBMISSIONS, [("user_id", 1), ("created_at", -1)], {"name": "history_by_user"}),
    (Collections.SOLVED, [("user_id", 1)], {"name": "solved_by_user"}),
]

_lock = threading.Lock()
_client: pymongo.MongoClient | None = None
_client_key: tuple[str, str] | None = None
_indexes_ensured = False


def get_db() -> Database:
    """The code manager's database; reconnects if MONGO_URL/MONGO_DB changed (tests)."""
    global _client, _client_key, _indexes_ensured
    key = (settings.MONGO_URL, settings.MONGO_DB)
    with _lock:
        if _client is None or _client_key != key:
            if _client is not None:
                _client.close()
            _client = pymongo.MongoClient(
                settings.MONGO_URL,
                tz_aware=True,
                serverSelectionTimeoutMS=settings.MONGO_TIMEOUT_MS,
                connectTimeoutMS=settings.MONGO_TIMEOUT_MS,
                socketTimeoutMS=max(settings.MONGO_TIMEOUT_MS, 10_000),
                appname="algocode-code-manager",
            )
            _client_key = key
            _indexes_ensured = False
        db = _client[settings.MONGO_DB]
        if not _indexes_ensured:
            try:
                ensure_indexes(db)
                _indexes_ensured = True
            except pymongo.errors.PyMongoError:
                # Not fatal here: the operation that follows reports the outage, and the next call retries.
                logger.warning("could not ensure MongoDB indexes yet", exc_info=True)
        return db


def collection(name: Collections) -> Collection:
    return get_db()[name]


def ensure_indexes(db: Database) -> None:
    for coll, keys, options in INDEXES:
        db[coll].create_index(keys, **options)


def ping() -> None:
    get_db().command("ping")
