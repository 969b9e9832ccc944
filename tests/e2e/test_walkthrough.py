"""The original README's walkthrough and every verdict, through HTTP with all processes running."""

from __future__ import annotations

from pathlib import Path

import pytest
import requests

from algocode_contracts import language_for_filename
from e2e.platform import PROBLEMS, SQRT_ID, Platform

SQRT = PROBLEMS / "sqrt-x" / "submissions"
ORIGINAL_README_SOLUTION = (SQRT / "accepted" / "original_readme.cpp").read_text()


def test_the_original_readme_walkthrough_is_accepted(platform: Platform, token: str):
    # Forty problems ship now: the walkthrough finds Sqrt(x) by its title, as a user would.
    listing = requests.get(f"{platform.cm_url}/problem/all/", params={"title": "Sqrt"}, timeout=30)
    assert listing.status_code == 200
    body = listing.json()
    assert body["status_code"] == 200
    assert SQRT_ID in [q["id"] for q in body["questions"]["results"]]

    detail = requests.get(f"{platform.cm_url}/problem/{SQRT_ID}/", timeout=30).json()
    assert detail["question"]["title"] == "Sqrt(x)"

    r = platform.submit(token, ORIGINAL_README_SOLUTION)
    assert r.status_code == 201, r.text
    assert r.json()["result"]["detail"] == "Your response has been submitted."
    data = platform.result(token, r.json()["result"]["submission_id"])
    assert data["verdict"] == "AC", data
    assert data["status"] == "Accepted"
    assert data["passed"] == data["total"] > 1
    assert all(t["verdict"] == "AC" and t["memory_kib"] > 0 for t in data["tests"])


VERDICT_FOLDERS = {
    "wrong_answer": "WA",
    "compile_error": "CE",
    "time_limit_exceeded": "TLE",
    "memory_limit_exceeded": "MLE",
    "run_time_error": "RE",
    "output_limit_exceeded": "OLE",
}


def _cases() -> list[tuple[str, Path]]:
    return [(folder, path) for folder in VERDICT_FOLDERS for path in sorted((SQRT / folder).iterdir())]


@pytest.mark.parametrize(("folder", "path"), _cases(), ids=lambda v: v.name if isinstance(v, Path) else v)
def test_each_wrong_submission_gets_its_verdict_with_details(platform: Platform, token: str, folder, path):
    r = platform.submit(token, path.read_text(), lang=language_for_filename(path.name))
    assert r.status_code == 201, r.text
    data = platform.result(token, r.json()["result"]["submission_id"])
    assert data["verdict"] == VERDICT_FOLDERS[folder], data
    if folder == "compile_error":
        assert data["compile_output"]
    else:
        failing = [t for t in data["tests"] if t["verdict"] != "AC"]
        assert failing, data
        assert failing[-1]["verdict"] == VERDICT_FOLDERS[folder]
    if folder == "run_time_error":
        assert failing[-1]["exit_code"] not in (None, 0) or failing[-1]["signal"]


def test_history_lists_only_the_callers_submissions_and_results_are_private(platform: Platform, token: str):
    other = platform.register_and_login()
    mine = platform.submit(token, ORIGINAL_README_SOLUTION).json()["result"]["submission_id"]
    theirs = platform.submit(other, ORIGINAL_README_SOLUTION).json()["result"]["submission_id"]

    def history(t: str) -> list[str]:
        r = requests.get(
            f"{platform.cm_url}/submissions/", headers={"Authorization": f"Bearer {t}"}, timeout=30
        )
        assert r.status_code == 200, r.text
        return [s["submission_id"] for s in r.json()["submissions"]["results"]]

    assert mine in history(token)
    assert theirs not in history(token)
    assert theirs in history(other)
    r = requests.get(
        f"{platform.cm_url}/result/check/{mine}/", headers={"Authorization": f"Bearer {other}"}, timeout=30
    )
    assert r.status_code == 404  # BOLA: another user's submission does not exist for them
    assert platform.result(token, mine)["verdict"] == "AC"


def test_custom_run_shows_the_output_and_compares_with_the_reference(platform: Platform, token: str):
    wrong = (SQRT / "wrong_answer" / "rounds_instead_of_floor.cpp").read_text()
    r = requests.post(
        f"{platform.cm_url}/code/run/",
        json={"problem_id": SQRT_ID, "lang": "cpp", "code": wrong, "stdin": "2\n8\n16\n"},
        headers={"Authorization": f"Bearer {token}"},
        timeout=30,
    )
    assert r.status_code == 201, r.text
    data = platform.result(token, r.json()["result"]["submission_id"])
    assert data["io"]["input"] == "2\n8\n16\n"
    assert data["io"]["expected"].split() == ["2", "4"]  # the reference solution's output
    assert data["io"]["actual"].split() == ["3", "4"]
    assert data["verdict"] == "WA"
