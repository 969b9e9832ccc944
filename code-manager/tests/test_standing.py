"""Runtime/memory percentiles, accepted users and solved counts (issue 12 "Beyond", ADR 0131): results
arrive through the real broker and result consumer; percentiles come from the maintained histograms."""

from __future__ import annotations

import threading

import pytest

from code_manager.common import mongo
from code_manager.problems.services import ProblemData, TestData, problem_create, problem_tests_replace
from code_manager.submissions.standing import memory_bucket, standings_rebuild, time_bucket

from .conftest import judged_body, publish_result_body, queue_depth
from .test_result_consumer import submit, wait_until


def _result(client, sid: str) -> dict:
    response = client.get(f"/api/v1/result/check/{sid}/")
    assert response.status_code == 200, response.json()
    return response.json()["data"]


def _judge(infra, sid: str, **fields) -> None:
    publish_result_body(infra, judged_body(sid, **fields))


def _settled(infra, sid: str, attempt: int = 1) -> bool:
    doc = mongo.get_db()["submissions"].find_one({"_id": sid})
    return doc.get("judged_attempt") == attempt and queue_depth(infra, "algocode.results") == 0


def _accepted(user_client, infra, problem, times: list[tuple[int, int]]) -> list[tuple[object, str]]:
    """One user per (time_ms, memory_kib), each with one accepted submission."""
    made = []
    for time_ms, memory_kib in times:
        client, _ = user_client()
        sid = submit(client, problem)
        _judge(infra, sid, verdict="AC", max_time_ms=time_ms, max_memory_kib=memory_kib)
        made.append((client, sid))
    for _client, sid in made:
        assert wait_until(lambda sid=sid: _settled(infra, sid))
    return made


def test_buckets() -> None:
    assert [time_bucket(t) for t in (0, 1, 999, 1000, 1009, 1010, 9999, 10_000, 12_345)] == [
        0, 1, 999, 1000, 1000, 1010, 9990, 10_000, 12_300,
    ]  # fmt: skip
    assert [memory_bucket(m) for m in (0, 255, 256, 3412)] == [0, 0, 256, 3328]


def test_accepted_result_and_history_show_what_share_it_beats(user_client, infra, problem, result_consumer):
    # Five accepted submissions: 10, 20, 20, 30, 40 ms; memory 1000, 5000, 5000, 5000, 9000 KiB.
    made = _accepted(
        user_client, infra, problem, [(10, 1000), (20, 5000), (20, 5000), (30, 5000), (40, 9000)]
    )
    fastest, tied, _tied2, _slow, slowest = (_result(c, s) for c, s in made)
    # 4 others; the 10 ms one beats all of them; the 20 ms ones beat the 30 and 40 ms (2 of 4: ties don't).
    assert (fastest["runtime_beats"], fastest["memory_beats"]) == (100.0, 100.0)
    assert (tied["runtime_beats"], tied["memory_beats"]) == (50.0, 25.0)
    assert (slowest["runtime_beats"], slowest["memory_beats"]) == (0.0, 0.0)
    client, sid = made[1]
    (item,) = client.get("/api/v1/submissions/").json()["submissions"]["results"]
    assert item["submission_id"] == sid
    assert (item["runtime_beats"], item["memory_beats"]) == (50.0, 25.0)


def test_percentiles_follow_new_submissions_and_count_only_the_same_language(
    user_client, infra, problem, result_consumer
):
    ((client, sid),) = _accepted(user_client, infra, problem, [(50, 2050)])
    assert _result(client, sid)["runtime_beats"] is None  # nobody else to compare with: not "100 %"
    # A C++ submission of the same problem is compared with C++ only.
    other, _ = user_client()
    cpp = other.post(
        "/api/v1/code/submit/",
        {"problem_id": problem["_id"], "lang": "cpp", "code": "int main(){}"},
        format="json",
    ).json()["result"]["submission_id"]
    _judge(infra, cpp, verdict="AC", max_time_ms=500, max_memory_kib=90000)
    assert wait_until(lambda: _settled(infra, cpp))
    assert _result(client, sid)["runtime_beats"] is None
    _accepted(user_client, infra, problem, [(60, 2500), (70, 2100)])
    assert _result(client, sid)["runtime_beats"] == 100.0  # the cached result view is not frozen
    assert _result(client, sid)["memory_beats"] == 50.0  # 2050 and 2100 share a 256 KiB bucket


def test_not_accepted_and_runs_have_no_percentiles(user_client, infra, problem, result_consumer):
    _accepted(user_client, infra, problem, [(5, 500)])
    client, _ = user_client()
    sid = submit(client, problem)
    _judge(infra, sid, verdict="WA", max_time_ms=1, max_memory_kib=100)
    run = client.post(
        "/api/v1/code/run/",
        {"problem_id": problem["_id"], "lang": "python3", "code": "print(1)", "stdin": "1 2\n"},
        format="json",
    ).json()["result"]["submission_id"]
    _judge(infra, run, verdict="AC", max_time_ms=1, max_memory_kib=100)
    assert wait_until(lambda: _settled(infra, sid) and _settled(infra, run))
    for submission in (sid, run):
        data = _result(client, submission)
        assert (data["runtime_beats"], data["memory_beats"]) == (None, None)
    histogram = mongo.get_db()["solution_histograms"].find_one({"_id": f"{problem['_id']}:python3"})
    assert histogram["count"] == 1  # neither the WA nor the custom run counted


def test_redelivery_counts_once_and_rejudge_moves_or_removes(
    user_client, infra, problem, result_consumer, make_token
):
    made = _accepted(user_client, infra, problem, [(100, 4000), (200, 4000)])
    client, sid = made[0]
    for _ in range(3):  # the same result delivered again (at-least-once)
        _judge(infra, sid, verdict="AC", max_time_ms=100, max_memory_kib=4000)
    assert wait_until(lambda: queue_depth(infra, "algocode.results") == 0)
    histograms = mongo.get_db()["solution_histograms"]
    key = f"{problem['_id']}:python3"
    assert histograms.find_one({"_id": key})["count"] == 2
    assert _result(client, sid)["runtime_beats"] == 100.0

    # A rejudge (attempt 2) finds it slower: it moves bucket, the count stays.
    mongo.get_db()["submissions"].update_one({"_id": sid}, {"$set": {"attempt": 2}})
    _judge(infra, sid, attempt=2, verdict="AC", max_time_ms=300, max_memory_kib=4000)
    assert wait_until(lambda: _settled(infra, sid, attempt=2))
    histogram = histograms.find_one({"_id": key})
    assert histogram["count"] == 2
    assert {k: v for k, v in histogram["time"].items() if v} == {"200": 1, "300": 1}
    assert _result(client, sid)["runtime_beats"] == 0.0
    assert _result(*made[1])["runtime_beats"] == 100.0

    # A third attempt is WA: it leaves the histogram and its user no longer counts as solving it.
    mongo.get_db()["submissions"].update_one({"_id": sid}, {"$set": {"attempt": 3}})
    _judge(infra, sid, attempt=3, verdict="WA")
    assert wait_until(lambda: _settled(infra, sid, attempt=3))
    assert histograms.find_one({"_id": key})["count"] == 1
    assert _result(*made[1])["runtime_beats"] is None
    problem_doc = client.get(f"/api/v1/problem/{problem['_id']}/").json()["question"]
    assert problem_doc["accepted_users"] == 1


def test_accepted_users_are_distinct_users(user_client, infra, problem, result_consumer):
    client, _ = user_client()
    sids = [submit(client, problem) for _ in range(3)]  # one user, three accepted submissions
    for sid in sids:
        _judge(infra, sid, verdict="AC")
    _accepted(user_client, infra, problem, [(7, 700)])  # and another user
    assert wait_until(lambda: all(_settled(infra, sid) for sid in sids))
    question = client.get(f"/api/v1/problem/{problem['_id']}/").json()["question"]
    assert question["accepted_users"] == 2
    listed = client.get("/api/v1/problem/all/").json()["questions"]["results"]
    assert [q["accepted_users"] for q in listed if q["id"] == problem["_id"]] == [2]


def test_concurrent_results_of_many_users_all_count(user_client, infra, problem, result_consumer):
    """Eight results published at once: the $inc updates never lose one."""
    clients = [user_client() for _ in range(8)]
    sids = [submit(client, problem) for client, _ in clients]
    threads = [
        threading.Thread(target=_judge, args=(infra, sid), kwargs={"verdict": "AC", "max_time_ms": 10 + i})
        for i, sid in enumerate(sids)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert wait_until(lambda: all(_settled(infra, sid) for sid in sids))
    histogram = mongo.get_db()["solution_histograms"].find_one({"_id": f"{problem['_id']}:python3"})
    assert histogram["count"] == 8
    assert _result(clients[0][0], sids[0])["runtime_beats"] == 100.0
    question = clients[0][0].get(f"/api/v1/problem/{problem['_id']}/").json()["question"]
    assert question["accepted_users"] == 8


@pytest.fixture
def hard_problem() -> dict:
    doc = problem_create(data=ProblemData(title="Hard one", difficulty=4, limits={"time_limit_ms": 1000}))
    problem_tests_replace(problem_id=doc["_id"], tests=[TestData("secret/1", "1\n", "1\n")])
    return doc


def test_user_stats_count_solved_problems_by_difficulty(
    user_client, infra, problem, hard_problem, result_consumer, anon
):
    client, _ = user_client()
    empty = client.get("/api/v1/users/me/stats/")
    assert empty.status_code == 200
    assert empty.json()["stats"] == {"solved": 0, "by_difficulty": {"1": 0, "2": 0, "3": 0, "4": 0, "5": 0}}
    easy = [submit(client, problem)]
    hard = submit(client, hard_problem)
    failed = submit(client, hard_problem)
    for sid in [*easy, hard]:
        _judge(infra, sid, verdict="AC")
    _judge(infra, failed, verdict="WA")
    assert wait_until(lambda: all(_settled(infra, sid) for sid in [*easy, hard, failed]))
    stats = client.get("/api/v1/users/me/stats/").json()["stats"]
    assert stats == {"solved": 2, "by_difficulty": {"1": 1, "2": 0, "3": 0, "4": 1, "5": 0}}
    other, _ = user_client("bob")
    assert other.get("/api/v1/users/me/stats/").json()["stats"]["solved"] == 0
    assert anon.get("/api/v1/users/me/stats/").status_code == 401


def test_rebuild_recounts_from_the_submissions(user_client, infra, problem, result_consumer):
    made = _accepted(user_client, infra, problem, [(10, 1000), (20, 2000), (30, 3000)])
    db = mongo.get_db()
    before = db["solution_histograms"].find_one({"_id": f"{problem['_id']}:python3"})
    db["solution_histograms"].delete_many({})  # as if lost
    db["problems"].update_one({"_id": problem["_id"]}, {"$set": {"stats.accepted_users": 99}})
    assert standings_rebuild() == 3
    after = db["solution_histograms"].find_one({"_id": f"{problem['_id']}:python3"})
    assert after["count"] == before["count"] == 3
    assert after["time"] == before["time"]
    assert _result(*made[0])["runtime_beats"] == 100.0
    question = made[0][0].get(f"/api/v1/problem/{problem['_id']}/").json()["question"]
    assert question["accepted_users"] == 3
