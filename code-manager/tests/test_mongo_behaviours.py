"""Proves, against the real nx-27017 server, each MongoDB behaviour the code manager relies on.

nx-27017 is young: if an upgrade breaks one of these, this module says which one.
"""

from __future__ import annotations

import pymongo
import pytest
from pymongo import ReturnDocument

from code_manager.common import mongo
from code_manager.submissions.services import result_apply_filter


@pytest.fixture
def coll() -> pymongo.collection.Collection:
    db = mongo.get_db()
    db["behaviour"].drop()
    yield db["behaviour"]
    db["behaviour"].drop()


def test_declared_unique_indexes_refuse_duplicates() -> None:
    db = mongo.get_db()
    db["submissions"].insert_one({"_id": "a", "submission_id": "s-1", "user_id": "u", "created_at": 1})
    with pytest.raises(pymongo.errors.DuplicateKeyError):
        db["submissions"].insert_one({"_id": "b", "submission_id": "s-1", "user_id": "u", "created_at": 2})
    db["problems"].insert_one({"_id": "p1", "problem_id": "same"})
    with pytest.raises(pymongo.errors.DuplicateKeyError):
        db["problems"].insert_one({"_id": "p2", "problem_id": "same"})


def test_set_on_insert_upsert_only_sets_on_insert(coll) -> None:
    coll.update_one({"_id": "c"}, {"$setOnInsert": {"first": 1}, "$set": {"last": 1}}, upsert=True)
    coll.update_one({"_id": "c"}, {"$setOnInsert": {"first": 2}, "$set": {"last": 2}}, upsert=True)
    assert coll.find_one({"_id": "c"}) == {"_id": "c", "first": 1, "last": 2}


def test_conditional_update_on_status_and_attempt(coll) -> None:
    coll.insert_one({"_id": "s", "status": "created", "attempt": 1})
    condition = result_apply_filter(submission_id="s", attempt=1)
    first = coll.update_one(condition, {"$set": {"status": "judged", "judged_attempt": 1}})
    again = coll.update_one(condition, {"$set": {"status": "judged", "judged_attempt": 1}})
    queued = coll.update_one({"_id": "s", "status": "created"}, {"$set": {"status": "queued"}})
    assert (first.modified_count, again.matched_count, queued.matched_count) == (1, 0, 0)
    assert coll.find_one({"_id": "s"})["status"] == "judged"


def test_the_result_filter_only_ever_matches_its_own_submission(coll) -> None:
    """Other judged submissions that satisfy the attempt conditions must never be picked instead
    (nx-27017 did exactly that with `_id` beside a top-level `$or`: a rejudge overwrote another user's)."""
    coll.insert_many(
        [
            {"_id": "other-1", "attempt": 1, "judged_attempt": 1, "owner": "alice"},
            {"_id": "rejudged", "attempt": 2, "judged_attempt": 1, "owner": "bob"},
            {"_id": "other-2", "attempt": 1, "owner": "carol"},
        ]
    )
    before = coll.find_one_and_update(
        result_apply_filter(submission_id="rejudged", attempt=2),
        {"$set": {"judged_attempt": 2}},
        return_document=ReturnDocument.BEFORE,
    )
    assert before["_id"] == "rejudged"
    assert {d["_id"]: d.get("judged_attempt") for d in coll.find()} == {
        "other-1": 1,
        "rejudged": 2,
        "other-2": None,
    }


def test_find_one_and_update_returns_before_or_after(coll) -> None:
    coll.insert_one({"_id": "n", "value": 1})
    before = coll.find_one_and_update(
        {"_id": "n"}, {"$inc": {"value": 1}}, return_document=ReturnDocument.BEFORE
    )
    after = coll.find_one_and_update(
        {"_id": "n"}, {"$inc": {"value": 1}}, return_document=ReturnDocument.AFTER
    )
    missing = coll.find_one_and_update({"_id": "none"}, {"$inc": {"value": 1}})
    counter = coll.find_one_and_update(
        {"_id": "ctr"}, {"$inc": {"value": 1}}, upsert=True, return_document=ReturnDocument.AFTER
    )
    assert (before["value"], after["value"], missing, counter["value"]) == (1, 3, None, 1)


def test_sort_skip_limit_and_count(coll) -> None:
    coll.insert_many([{"_id": f"d{i}", "user": "u" if i % 2 else "v", "t": i} for i in range(10)])
    page = [d["_id"] for d in coll.find({"user": "u"}).sort([("t", -1), ("_id", 1)]).skip(1).limit(2)]
    assert page == ["d7", "d5"]
    assert coll.count_documents({"user": "u"}) == 5


def test_query_operators_used_by_filters(coll) -> None:
    coll.insert_many(
        [
            {"_id": 1, "title": "Sqrt(x)", "tags": ["math", "binary-search"], "difficulty": 1},
            {"_id": 2, "title": "Two sum", "tags": ["math"], "difficulty": 3},
        ]
    )
    assert [d["_id"] for d in coll.find({"title": {"$regex": r"sqrt\(", "$options": "i"}})] == [1]
    assert coll.count_documents({"tags": {"$all": ["math", "binary-search"]}}) == 1
    assert coll.count_documents({"difficulty": {"$in": [1, 3]}}) == 2
    assert coll.count_documents({"difficulty": {"$ne": 3}}) == 1


def test_projection_excludes_fields(coll) -> None:
    coll.insert_one({"_id": "p", "code": "secret", "lang": "cpp"})
    assert coll.find_one({"_id": "p"}, {"code": 0}) == {"_id": "p", "lang": "cpp"}


def test_iso_timestamps_sort_chronologically_and_survive_set(coll) -> None:
    from datetime import UTC, datetime, timedelta

    from code_manager.common.clock import to_iso

    base = datetime(2026, 1, 1, 23, 59, 59, tzinfo=UTC)
    moments = [base + timedelta(microseconds=1), base + timedelta(days=40), base]
    coll.insert_many([{"_id": i, "t": to_iso(m)} for i, m in enumerate(moments)])
    coll.update_one({"_id": 2}, {"$set": {"t": to_iso(base - timedelta(hours=1))}})
    assert [d["_id"] for d in coll.find({}).sort([("t", 1)])] == [2, 0, 1]
    assert isinstance(coll.find_one({"_id": 2})["t"], str)
