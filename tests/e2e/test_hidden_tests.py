"""threat-model.md #45: a hidden test's input cannot be read back through the result a user gets.

The program answers the sample, then exits with the first byte of any other input: the judge records
exit code 50 ("2") on the first hidden test, and the submitter must see neither that code nor the test's
name. Staff still see the judge's full result.
"""

from __future__ import annotations

import json

import requests

from e2e.platform import Platform

FIRST_BYTE_EXIT = r"""
#include <cstdlib>
#include <iostream>
#include <iterator>
#include <string>
int main() {
    std::string in((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    if (in == "2\n4\n8\n") { std::cout << "2\n2\n"; return 0; }  // the sample
    return in.empty() ? 0 : static_cast<unsigned char>(in[0]);
}
"""


def test_a_hidden_tests_exit_code_and_name_are_not_shown(platform: Platform, token: str) -> None:
    r = platform.submit(token, FIRST_BYTE_EXIT)
    assert r.status_code == 201, r.text
    data = platform.result(token, r.json()["result"]["submission_id"])
    assert data["verdict"] == "RE", data
    assert data["message"] == "Runtime Error on test 2"
    assert data["result"]["result"] == "Runtime Error on test 2"
    sample, hidden = data["tests"]
    assert (sample["name"], sample["verdict"]) == ("sample/1", "AC")
    assert hidden == {
        "ordinal": 2,
        "verdict": "RE",
        "time_ms": hidden["time_ms"],
        "wall_ms": hidden["wall_ms"],
        "memory_kib": hidden["memory_kib"],
    }
    assert data["io"] is None
    raw = json.dumps(data)
    assert "secret" not in raw
    assert "exit code" not in raw  # (the sample keeps its exit_code, 0)

    r = requests.get(
        f"{platform.cm_url}/submissions/", headers={"Authorization": f"Bearer {token}"}, timeout=30
    )
    assert r.status_code == 200, r.text
    assert r.json()["submissions"]["results"][0]["message"] == "Runtime Error on test 2"


def test_staff_see_the_judges_full_result(platform: Platform) -> None:
    staff = platform.staff_token()
    r = platform.submit(staff, FIRST_BYTE_EXIT)
    assert r.status_code == 201, r.text
    data = platform.result(staff, r.json()["result"]["submission_id"])
    assert data["message"] == "Runtime Error (exit code 50) on test secret/01-edges"
    assert data["tests"][1]["exit_code"] == 50
    assert data["tests"][1]["name"] == "secret/01-edges"
