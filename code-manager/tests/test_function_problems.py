"""Function-style problems in the code manager: import stores the signature, the detail returns it with a
stub per allowed language, the job carries it, and a custom input that does not fit is a 400."""

from __future__ import annotations

from io import StringIO
from pathlib import Path

from django.core.management import call_command

from algocode_contracts import JobKind, SubmissionCreated, job_queue_name
from algocode_contracts.functions.languages import LANGUAGES_WITH_DRIVERS
from code_manager.common import mongo
from code_manager.problems import selectors
from code_manager.problems.selectors import problem_get

from .conftest import drain

PROBLEM_ID = "0f4c1f0e-0000-4000-8000-0000000000f1"
YAML = f"""\
name: Two Sum
uuid: {PROBLEM_ID}
algocode:
  difficulty: 1
  function:
    name: twoSum
    params:
      - {{name: nums, type: 'int[]'}}
      - {{name: target, type: int}}
    returns: 'int[]'
"""
REFERENCE = """\
class Solution:
    def twoSum(self, nums: List[int], target: int) -> List[int]:
        seen = {}
        for i, x in enumerate(nums):
            if target - x in seen:
                return [seen[target - x], i]
            seen[x] = i
"""


def write_package(root: Path, yaml_text: str = YAML) -> Path:
    package = root / "two-sum"
    for folder in ("data/sample", "data/secret", "submissions/accepted"):
        (package / folder).mkdir(parents=True)
    (package / "problem.yaml").write_text(yaml_text)
    (package / "data" / "sample" / "1.in").write_text("[2,7,11,15]\n9\n")
    (package / "data" / "sample" / "1.ans").write_text("[0,1]\n")
    (package / "data" / "secret" / "1.in").write_text("[3,2,4]\n6\n")
    (package / "data" / "secret" / "1.ans").write_text("[1,2]\n")
    (package / "submissions" / "accepted" / "two_sum.py").write_text(REFERENCE)
    return package


def imported(tmp_path: Path, yaml_text: str = YAML) -> dict:
    call_command("import_problem", str(write_package(tmp_path, yaml_text)), stdout=StringIO())
    doc = problem_get(problem_id=PROBLEM_ID)
    assert doc is not None
    return doc


def test_import_stores_the_signature(tmp_path: Path) -> None:
    doc = imported(tmp_path)
    assert doc["function"]["function"]["name"] == "twoSum"
    assert doc["reference"]["language"] == "python3"


def test_detail_returns_the_signature_and_a_stub_per_language(tmp_path: Path, anon) -> None:
    imported(tmp_path)
    question = anon.get(f"/api/v1/problem/{PROBLEM_ID}/").json()["question"]
    assert question["signature"]["function"]["params"][0] == {"name": "nums", "type": "int[]"}
    stubs = question["code_stubs"]
    assert set(stubs) == set(question["languages"]) == set(LANGUAGES_WITH_DRIVERS)
    assert "vector<int> twoSum(vector<int>& nums, int target) {" in stubs["cpp"]
    assert "    def twoSum(self, nums: List[int], target: int) -> List[int]:" in stubs["python3"]
    # The list stays light: no stubs there.
    listed = anon.get("/api/v1/problem/all/").json()["questions"]["results"]
    assert "code_stubs" not in listed[0]


def test_only_allowed_languages_get_stubs(tmp_path: Path, anon) -> None:
    imported(tmp_path, YAML + "languages: [java, cpp]\n")
    question = anon.get(f"/api/v1/problem/{PROBLEM_ID}/").json()["question"]
    assert sorted(question["code_stubs"]) == ["cpp", "java"]


def test_a_stdin_problem_has_no_signature_and_no_stubs(anon, problem) -> None:
    question = anon.get(f"/api/v1/problem/{problem['_id']}/").json()["question"]
    assert question["signature"] is None
    assert question["code_stubs"] == {}


def test_submit_sends_the_signature_and_the_function_only_code(tmp_path: Path, user_client, infra) -> None:
    imported(tmp_path)
    client, _ = user_client()
    code = "class Solution:\n    def twoSum(self, nums, target):\n        return [0, 1]\n"
    response = client.post(
        "/api/v1/code/submit/", {"problem_id": PROBLEM_ID, "lang": "python3", "code": code}, format="json"
    )
    assert response.status_code == 201, response.content
    [body] = drain(infra, job_queue_name("python3"))
    job = SubmissionCreated.model_validate_json(body)
    assert job.source == code  # unchanged: the judge wraps it
    assert job.function is not None
    assert job.function["function"]["name"] == "twoSum"
    assert [t.input for t in job.tests] == ["[2,7,11,15]\n9\n", "[3,2,4]\n6\n"]


def test_custom_input_is_leetcodes_json_lines(tmp_path: Path, user_client, infra) -> None:
    imported(tmp_path)
    client, _ = user_client()
    body = {"problem_id": PROBLEM_ID, "lang": "cpp", "code": "class Solution {};", "stdin": "[1,2,3]\n5\n"}
    response = client.post("/api/v1/code/run/", body, format="json")
    assert response.status_code == 201, response.content
    [message] = drain(infra, job_queue_name("cpp"))
    job = SubmissionCreated.model_validate_json(message)
    assert job.kind is JobKind.RUN
    assert job.tests[0].input == "[1,2,3]\n5\n"
    assert job.reference is not None
    assert job.reference.language == "python3"


def test_custom_input_that_does_not_fit_is_a_400_and_queues_nothing(
    tmp_path: Path, user_client, infra
) -> None:
    imported(tmp_path)
    for index, (stdin, message) in enumerate(
        (
            ("[1,2,3]\n", "expected 2 line(s), one JSON value per parameter (nums, target); got 1"),
            ("[1,2,3]\nfive\n", "line 2 is not a JSON value"),
            ('[1,"2"]\n5\n', "nums: [1]: expected a 32-bit integer"),
            ("1 2\n", "line 1 is not a JSON value"),
        )
    ):
        client, _ = user_client(f"user{index}")  # one each: the submit rate limit is not what is tested
        body = {"problem_id": PROBLEM_ID, "lang": "cpp", "code": "class Solution {};", "stdin": stdin}
        response = client.post("/api/v1/code/run/", body, format="json")
        assert response.status_code == 400, response.content
        assert message in response.json()["detail"]
    assert mongo.get_db()["submissions"].count_documents({}) == 0


def test_a_language_without_driver_is_refused(tmp_path: Path, user_client, infra, monkeypatch) -> None:
    imported(tmp_path)
    monkeypatch.setattr(selectors, "LANGUAGES_WITH_DRIVERS", ("cpp",))
    client, _ = user_client()
    response = client.post(
        "/api/v1/code/submit/", {"problem_id": PROBLEM_ID, "lang": "python3", "code": "x"}, format="json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == "unsupported_language"
    assert response.json()["languages"] == ["cpp"]
