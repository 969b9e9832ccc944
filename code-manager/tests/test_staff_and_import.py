"""Staff problem API (is_staff claim), package import (idempotent), health check and API docs."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings

from algocode_contracts import LANGUAGES
from code_manager.common import mongo
from code_manager.messaging.publisher import reset_publisher
from code_manager.problems.selectors import problem_get, problem_tests

from .conftest import free_port

SHIPPED = Path(__file__).resolve().parents[2] / "problems"
SQRT_ID = "f17f511a-8c53-41d3-b750-7673d25835af"

NEW_PROBLEM = {
    "title": "Echo",
    "difficulty": 2,
    "description": "Print the input.",
    "tags": ["Strings"],
    "limits": {"time_limit_ms": 2000},
}


def test_non_staff_cannot_write_problems(user_client, anon, problem) -> None:
    client, _ = user_client()
    assert client.post("/api/v1/problem/", NEW_PROBLEM, format="json").status_code == 403
    assert (
        client.patch(f"/api/v1/problem/{problem['_id']}/", {"title": "X"}, format="json").status_code == 403
    )
    tests = {"tests": [{"name": "a", "input": "", "answer": ""}]}
    assert client.put(f"/api/v1/problem/{problem['_id']}/tests/", tests, format="json").status_code == 403
    assert client.get(f"/api/v1/problem/{problem['_id']}/tests/").status_code == 403
    assert anon.post("/api/v1/problem/", NEW_PROBLEM, format="json").status_code == 401
    assert problem_get(problem_id=problem["_id"])["title"] == "A plus B"


def test_staff_create_update_and_upload_tests(user_client, anon) -> None:
    staff, _ = user_client("admin", is_staff=True)
    created = staff.post("/api/v1/problem/", NEW_PROBLEM, format="json")
    assert created.status_code == 201, created.content
    question = created.json()["question"]
    pid = question["id"]
    assert question["tags"] == ["strings"]
    assert question["limits"] == {
        "time_limit_ms": 2000,
        "memory_limit_kib": 262144,
        "output_limit_kib": 65536,
    }

    patched = staff.patch(
        f"/api/v1/problem/{pid}/", {"difficulty": 4, "limits": {"memory_limit_kib": 65536}}, format="json"
    )
    assert patched.status_code == 200
    assert patched.json()["question"]["difficulty"] == 4
    assert patched.json()["question"]["limits"]["time_limit_ms"] == 2000  # merged, not replaced

    upload = {
        "tests": [
            {"name": "sample/1", "input": "hi\n", "answer": "hi\n", "sample": True},
            {"name": "secret/1", "input": "secret\n", "answer": "secret\n"},
        ]
    }
    assert staff.put(f"/api/v1/problem/{pid}/tests/", upload, format="json").status_code == 200
    public = anon.get(f"/api/v1/problem/{pid}/").json()["question"]
    assert public["samples"] == [{"name": "sample/1", "input": "hi\n", "output": "hi\n"}]
    assert "secret" not in str(public)
    staff_view = staff.get(f"/api/v1/problem/{pid}/tests/").json()
    assert [t["name"] for t in staff_view["tests"]] == ["sample/1", "secret/1"]

    bad = staff.post("/api/v1/problem/", {**NEW_PROBLEM, "difficulty": 9}, format="json")
    assert bad.status_code == 400
    assert "difficulty" in bad.json()["errors"]
    big = {"tests": [{"name": "secret/big", "input": "1 " * 1_000_000, "answer": "x\n"}]}  # 2 MB of tests
    assert staff.put(f"/api/v1/problem/{pid}/tests/", big, format="json").status_code == 200
    dup = {"tests": [{"name": "a", "input": "", "answer": ""}, {"name": "a", "input": "", "answer": ""}]}
    assert staff.put(f"/api/v1/problem/{pid}/tests/", dup, format="json").status_code == 400


def test_a_reference_in_python_is_stored_as_python3(user_client) -> None:
    staff, _ = user_client("admin", is_staff=True)
    reference = {"language": "python", "source": "print(1)\n"}  # the first release's id, an alias
    created = staff.post("/api/v1/problem/", {**NEW_PROBLEM, "reference": reference}, format="json")
    assert created.status_code == 201, created.content
    doc = problem_get(problem_id=created.json()["question"]["id"])
    assert doc["reference"] == {"language": "python3", "source": "print(1)\n"}
    unknown = {**NEW_PROBLEM, "reference": {"language": "python2", "source": "print 1\n"}}
    refused = staff.post("/api/v1/problem/", unknown, format="json")
    assert refused.status_code == 400
    assert "reference" in refused.json()["errors"]


def write_package(root: Path, *, title: str = "Tiny", hidden_answer: str = "4\n") -> Path:
    package = root / "tiny"
    (package / "data" / "sample").mkdir(parents=True, exist_ok=True)
    (package / "data" / "secret").mkdir(parents=True, exist_ok=True)
    (package / "submissions" / "accepted").mkdir(parents=True, exist_ok=True)
    (package / "problem_statement").mkdir(parents=True, exist_ok=True)
    (package / "problem.yaml").write_text(
        f"name: {title}\nuuid: 0f4c1f0e-0000-4000-8000-000000000001\n"
        "limits:\n  time_limit: 2\n  memory: 128\nvalidator_flags: float_tolerance 1e-6\n"
        "algocode:\n  difficulty: 2\n  tags: [math]\n  constraints: '1 <= x <= 10'\n"
    )
    (package / "problem_statement" / "problem.md").write_text("Double x.\n")
    (package / "data" / "sample" / "1.in").write_text("1\n")
    (package / "data" / "sample" / "1.ans").write_text("2\n")
    (package / "data" / "secret" / "1.in").write_text("2\n")
    (package / "data" / "secret" / "1.ans").write_text(hidden_answer)
    (package / "submissions" / "accepted" / "double.py").write_text("print(2 * int(input()))\n")
    return package


def test_import_problem_creates_then_updates(tmp_path) -> None:
    package = write_package(tmp_path)
    out = StringIO()
    call_command("import_problem", str(package), stdout=out)
    assert "created 0f4c1f0e-0000-4000-8000-000000000001" in out.getvalue()
    doc = problem_get(problem_id="0f4c1f0e-0000-4000-8000-000000000001")
    assert (doc["title"], doc["difficulty"], doc["tags"], doc["description"]) == (
        "Tiny",
        2,
        ["math"],
        "Double x.\n",
    )
    assert doc["limits"] == {"time_limit_ms": 2000, "memory_limit_kib": 131072, "output_limit_kib": 8192}
    assert doc["checker"]["float_absolute_tolerance"] == 1e-6
    assert doc["reference"] == {"language": "python3", "source": "print(2 * int(input()))\n"}
    assert [(t["name"], t["sample"]) for t in problem_tests(problem=doc)] == [
        ("sample/1", True),
        ("secret/1", False),
    ]

    write_package(tmp_path, title="Tiny v2", hidden_answer="FOUR\n")
    call_command("import_problem", str(package), stdout=(out := StringIO()))
    assert "updated" in out.getvalue()
    db = mongo.get_db()
    assert db["problems"].count_documents({}) == 1
    doc = problem_get(problem_id="0f4c1f0e-0000-4000-8000-000000000001")
    assert doc["title"] == "Tiny v2"
    assert problem_tests(problem=doc)[1]["answer"] == "FOUR\n"
    assert db["problem_tests"].count_documents({}) == 2


def test_import_of_a_broken_package_fails_clearly(tmp_path) -> None:
    (tmp_path / "broken").mkdir()
    err = StringIO()
    with pytest.raises(CommandError):
        call_command("import_problem", str(tmp_path / "broken"), stderr=err)
    assert "problem.yaml" in err.getvalue()


@pytest.mark.skipif(not (SHIPPED / "sqrt-x" / "problem.yaml").exists(), reason="shipped problems not present")
def test_shipped_problems_import_with_the_original_sqrt_id(anon) -> None:
    packages = sorted(str(p.parent) for p in SHIPPED.glob("*/problem.yaml"))
    call_command("import_problem", *packages, stdout=StringIO())
    question = anon.get(f"/api/v1/problem/{SQRT_ID}/").json()["question"]
    assert question["title"] == "Sqrt(x)"
    assert question["samples"]
    assert problem_get(problem_id=SQRT_ID)["reference"] is not None
    assert anon.get("/api/v1/problem/all/").json()["questions"]["count"] == len(packages)


def test_healthcheck_ok_and_names_the_failing_dependency(anon) -> None:
    ok = anon.get("/api/v1/common/healthcheck/")
    assert ok.status_code == 200
    assert ok.json()["status"] == "OK"
    assert set(ok.json()["judges"]) == set(LANGUAGES)
    with override_settings(REDIS_URL=f"redis://127.0.0.1:{free_port()}/0"):
        down = anon.get("/api/v1/common/healthcheck/")
    assert down.status_code == 503
    assert down.json()["failing"] == ["redis"]
    reset_publisher()
    try:
        with override_settings(AMQP_URL=f"amqp://guest:guest@127.0.0.1:{free_port()}/%2F"):
            broker_down = anon.get("/api/v1/common/healthcheck/")
    finally:
        reset_publisher()
    assert broker_down.status_code == 503
    assert broker_down.json()["failing"] == ["broker"]
    assert broker_down.json()["judges"] is None  # unknown, not "no judges"


def test_openapi_schema_is_valid_and_declares_error_responses(tmp_path) -> None:
    import yaml

    target = tmp_path / "schema.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    schema = yaml.safe_load(target.read_text())
    submit = schema["paths"]["/api/v1/code/submit/"]["post"]["responses"]
    assert {"201", "400", "401", "413", "429", "503"} <= set(submit)
    check = schema["paths"]["/api/v1/result/check/{submission_id}/"]["get"]["responses"]
    assert {"200", "202", "404"} <= set(check)


def test_openapi_schema_and_swagger_ui_are_served_locally(anon) -> None:
    schema = anon.get("/api/v1/schema/")
    assert schema.status_code == 200
    assert b"/api/v1/code/submit/" in schema.content
    ui = anon.get("/api/v1/docs/")
    assert ui.status_code == 200
    html = ui.content.decode()
    assert "swagger-ui" in html
    assert "cdn" not in html.lower()
    asset = "/static/drf_spectacular_sidecar/swagger-ui-dist/swagger-ui-bundle.js"
    assert asset in html
    served = anon.get(asset)
    assert served.status_code == 200
    assert b"SwaggerUIBundle" in b"".join(served.streaming_content)
