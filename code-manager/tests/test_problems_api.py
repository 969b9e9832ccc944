"""The public problem catalogue: envelopes, filters, ordering, pagination, and no hidden tests."""

from __future__ import annotations

import json

import pytest

from code_manager.problems.services import ProblemData, TestData, problem_create, problem_tests_replace


def make_problems(count: int) -> list[dict]:
    docs = []
    for i in range(count):
        doc = problem_create(
            data=ProblemData(
                title=f"Problem {i:02d}" if i % 3 else f"Sqrt variant {i:02d}",
                difficulty=i % 5 + 1,
                tags=["math"] if i % 2 else ["math", "graphs"],
            )
        )
        docs.append(doc)
    return docs


def test_list_has_original_envelope_and_pages_of_ten(anon) -> None:
    make_problems(23)
    body = anon.get("/api/v1/problem/all/").json()
    assert body["status_code"] == 200
    questions = body["questions"]
    assert questions["count"] == 23
    assert len(questions["results"]) == 10
    assert questions["previous"] is None
    assert "page=2" in questions["next"]
    last = anon.get("/api/v1/problem/all/?page=3").json()["questions"]
    assert len(last["results"]) == 3
    assert last["next"] is None
    assert "page=2" in last["previous"]


def test_page_size_is_capped_at_100_and_bad_pages_are_json_errors(anon) -> None:
    make_problems(12)
    assert len(anon.get("/api/v1/problem/all/?page_size=12").json()["questions"]["results"]) == 12
    too_big = anon.get("/api/v1/problem/all/?page_size=101")
    assert too_big.status_code == 400
    assert "page_size" in too_big.json()["detail"]
    beyond = anon.get("/api/v1/problem/all/?page=9")
    assert beyond.status_code == 404
    assert beyond.json()["code"] == "not_found"


def test_newest_first_by_default_and_ordering_really_applies(anon) -> None:
    docs = make_problems(5)
    default = [q["id"] for q in anon.get("/api/v1/problem/all/").json()["questions"]["results"]]
    assert default == [d["_id"] for d in reversed(docs)]
    oldest = [
        q["id"] for q in anon.get("/api/v1/problem/all/?ordering=created_at").json()["questions"]["results"]
    ]
    assert oldest == [d["_id"] for d in docs]
    by_title = [
        q["title"] for q in anon.get("/api/v1/problem/all/?ordering=-title").json()["questions"]["results"]
    ]
    assert by_title == sorted(by_title, reverse=True)
    by_difficulty = [
        q["difficulty"]
        for q in anon.get("/api/v1/problem/all/?ordering=difficulty").json()["questions"]["results"]
    ]
    assert by_difficulty == sorted(by_difficulty)
    assert anon.get("/api/v1/problem/all/?ordering=password").status_code == 400


def test_filters_title_tags_difficulty(anon) -> None:
    make_problems(9)
    titles = [q["title"] for q in anon.get("/api/v1/problem/all/?title=SQRT").json()["questions"]["results"]]
    assert titles
    assert all("Sqrt" in t for t in titles)
    graphs = anon.get("/api/v1/problem/all/?tags=graphs").json()["questions"]["results"]
    assert graphs
    assert all("graphs" in q["tags"] for q in graphs)
    both = anon.get("/api/v1/problem/all/?tags=math,graphs").json()["questions"]["count"]
    assert both == len(graphs)
    hard = anon.get("/api/v1/problem/all/?difficulty=4,5").json()["questions"]["results"]
    assert hard
    assert {q["difficulty"] for q in hard} <= {4, 5}
    assert anon.get("/api/v1/problem/all/?difficulty=9").status_code == 400
    # A title filter is text, not a pattern.
    assert anon.get("/api/v1/problem/all/?title=.*").json()["questions"]["count"] == 0


def test_detail_shows_statement_samples_limits_but_never_hidden_tests(anon, problem) -> None:
    response = anon.get(f"/api/v1/problem/{problem['_id']}/")
    assert response.status_code == 200
    body = response.json()
    question = body["question"]
    assert body["status_code"] == 200
    assert question["id"] == problem["_id"]
    assert question["title"] == "A plus B"
    assert question["description"] == "Add two numbers."
    assert [s["name"] for s in question["samples"]] == ["sample/1", "sample/2"]
    assert question["samples"][0] == {"name": "sample/1", "input": "1 2\n", "output": "3\n"}
    assert question["limits"]["time_limit_ms"] == 1000
    assert question["tags"] == ["math"]
    raw = json.dumps(body)
    assert "HIDDEN" not in raw
    assert "1000 2000" not in raw
    assert "reference" not in raw
    assert "print(a + b)" not in raw


@pytest.mark.parametrize("problem_id", ["5993d00f-62fa-437c-8724-ee588265175b", "not-a-uuid", "1"])
def test_unknown_or_malformed_problem_is_a_json_404(anon, problem_id) -> None:
    response = anon.get(f"/api/v1/problem/{problem_id}/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["question"] == {"detail": "Question does not found"}


def test_catalogue_ignores_a_bad_token(anon, problem) -> None:
    anon.credentials(HTTP_AUTHORIZATION="Bearer not-a-token")
    assert anon.get("/api/v1/problem/all/").status_code == 200
    assert anon.get(f"/api/v1/problem/{problem['_id']}/").status_code == 200


def test_acceptance_rate_counts_first_verdicts(anon, problem) -> None:
    from code_manager.problems.services import problem_record_verdict

    problem_record_verdict(problem_id=problem["_id"], accepted=True)
    problem_record_verdict(problem_id=problem["_id"], accepted=False)
    problem_record_verdict(problem_id=problem["_id"], accepted=False)
    problem_record_verdict(problem_id=problem["_id"], accepted=False)
    assert anon.get(f"/api/v1/problem/{problem['_id']}/").json()["question"]["acceptance_rate"] == "25.00"


def test_replacing_tests_switches_versions_atomically(problem) -> None:
    from code_manager.problems.selectors import problem_get, problem_tests

    problem_tests_replace(problem_id=problem["_id"], tests=[TestData("sample/9", "9\n", "9\n", sample=True)])
    doc = problem_get(problem_id=problem["_id"])
    assert [t["name"] for t in problem_tests(problem=doc)] == ["sample/9"]
    from code_manager.common import mongo

    assert mongo.get_db()["problem_tests"].count_documents({"problem_id": problem["_id"]}) == 1


def test_limit_bounds_and_defaults_are_the_contracts(user_client) -> None:
    """Issue 8: the API refuses exactly what the judge's contract (JudgeLimits) refuses, and says so."""
    from algocode_contracts import JudgeLimits

    staff, _ = user_client("admin", is_staff=True)
    bounds = JudgeLimits.model_json_schema()["properties"]
    low = bounds["time_limit_ms"]["minimum"]
    refused = staff.post(
        "/api/v1/problem/", {"title": "T", "limits": {"time_limit_ms": low - 1}}, format="json"
    )
    assert refused.status_code == 400
    created = staff.post("/api/v1/problem/", {"title": "T", "limits": {"time_limit_ms": low}}, format="json")
    assert created.status_code == 201, created.content
    limits = created.json()["question"]["limits"]
    assert limits["output_limit_kib"] == JudgeLimits.model_fields["output_limit_kib"].default
    JudgeLimits(**limits)  # what the API stored and shows is a valid contract value
    documented = staff.get("/api/v1/schema/?format=json").json()["components"]["schemas"]["LimitsInRequest"]
    for name, spec in bounds.items():
        assert documented["properties"][name]["minimum"] == spec["minimum"]
        assert documented["properties"][name]["maximum"] == spec["maximum"]
