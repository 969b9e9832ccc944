"""The language list for clients, unknown ids, and a problem restricting its languages (problem.yaml)."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

from django.core.management import call_command

from algocode_contracts import LANGUAGES, job_queue_name
from code_manager.common import mongo

from .conftest import queue_depth
from .test_staff_and_import import write_package

PACKAGE_ID = "0f4c1f0e-0000-4000-8000-000000000001"


def test_languages_are_public_in_the_contract_order(anon) -> None:
    response = anon.get("/api/v1/languages/")
    assert response.status_code == 200
    body = response.json()
    assert body["status_code"] == 200
    assert [entry["id"] for entry in body["languages"]] == list(LANGUAGES)
    assert len(body["languages"]) == 14
    by_id = {entry["id"]: entry for entry in body["languages"]}
    assert by_id["cpp"]["extensions"] == [".cpp", ".cc", ".cxx"]
    assert by_id["cpp"]["compile_command"].startswith("g++ -O2 -std=c++17")
    assert by_id["cpp"]["run_command"] == "./main"
    assert by_id["cpp20"]["compile_command"].startswith("g++ -O2 -std=c++20")
    assert by_id["python3"]["name"].startswith("Python 3")
    assert "python" not in by_id  # an alias is accepted, never listed
    assert by_id["go"]["version"].startswith("go version go1.")
    for entry in body["languages"]:
        assert set(entry) == {"id", "name", "version", "extensions", "compile_command", "run_command"}
        assert entry["version"]
        assert entry["run_command"]


def test_an_unknown_language_is_a_400_listing_every_id(user_client, infra, problem) -> None:
    client, _ = user_client()
    response = client.post(
        "/api/v1/code/run/", {"problem_id": problem["_id"], "lang": "kotlin", "code": "x"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "unsupported_language"
    assert response.json()["languages"] == list(LANGUAGES)
    assert "haskell" in response.json()["detail"]


def _import_restricted(tmp_path: Path) -> None:
    package = write_package(tmp_path)
    yaml = package / "problem.yaml"
    yaml.write_text(yaml.read_text() + "languages: [python, cpp]\n")
    call_command("import_problem", str(package), stdout=StringIO())


def test_a_problem_may_restrict_its_languages(tmp_path, user_client, anon, infra) -> None:
    _import_restricted(tmp_path)
    detail = anon.get(f"/api/v1/problem/{PACKAGE_ID}/").json()
    # `python` (the first release's id) in problem.yaml means python3; the contract's order.
    assert detail["question"]["languages"] == ["cpp", "python3"]
    client, _ = user_client()
    submit = "/api/v1/code/submit/"
    java = {"problem_id": PACKAGE_ID, "lang": "java", "code": "class A {}"}
    refused = client.post(submit, java, format="json")
    assert refused.status_code == 400
    assert refused.json()["code"] == "unsupported_language"
    assert refused.json()["languages"] == ["cpp", "python3"]
    assert queue_depth(infra, job_queue_name("java")) == 0
    python = {"problem_id": PACKAGE_ID, "lang": "python", "code": "print(2)"}
    accepted = client.post(submit, python, format="json")
    assert accepted.status_code == 201, accepted.content
    assert queue_depth(infra, job_queue_name("python3")) == 1
    [doc] = mongo.get_db()["submissions"].find({})
    assert doc["lang"] == "python3"


def test_an_unrestricted_problem_allows_every_language(anon, problem) -> None:
    detail = anon.get(f"/api/v1/problem/{problem['_id']}/").json()
    assert detail["question"]["languages"] == list(LANGUAGES)
