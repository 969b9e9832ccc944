"""Binary and big tests through the whole platform (ADR 0150): a package with a non-UTF-8 sample and a 4 MiB
hidden input imports with `import_problem`; the job carries them by reference; the judge worker fetches
them from the code manager's internal endpoint with its token, verifies and caches them; AC and WA are
decided by the bytes; a staff rejudge judges again."""

from __future__ import annotations

import time
from pathlib import Path

import requests

from e2e.platform import Platform, manage

PROBLEM_ID = "0f4c1f0e-0000-4000-8000-0000000000e2"
SAMPLE_IN = b"\xff\xfe\x00caf\xe9\n"
BIG_IN = bytes(range(256)) * (4 * 4096)  # 4 MiB, every byte value
# Reverses stdin byte for byte: its output is exactly the answer files below.
REVERSE = r"""
#include <algorithm>
#include <iostream>
#include <iterator>
#include <string>
int main() {
    std::string in((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    std::reverse(in.begin(), in.end());
    std::cout << in;
}
"""
ECHO = r"""
#include <iostream>
int main() { std::cout << std::cin.rdbuf(); }
"""


def write_package(root: Path) -> Path:
    (root / "data" / "sample").mkdir(parents=True)
    (root / "data" / "secret").mkdir(parents=True)
    (root / "problem.yaml").write_text(f"name: Reverse the bytes\nuuid: {PROBLEM_ID}\n")
    (root / "data" / "sample" / "1.in").write_bytes(SAMPLE_IN)
    (root / "data" / "sample" / "1.ans").write_bytes(SAMPLE_IN[::-1])
    (root / "data" / "secret" / "1.in").write_bytes(BIG_IN)
    (root / "data" / "secret" / "1.ans").write_bytes(BIG_IN[::-1])
    return root


def test_binary_and_big_tests_judge_by_reference(platform: Platform, token: str, tmp_path: Path) -> None:
    manage("code-manager", platform.cm_env, "import_problem", str(write_package(tmp_path / "reverse")))
    question = requests.get(f"{platform.cm_url}/problem/{PROBLEM_ID}/", timeout=30).json()["question"]
    assert question["samples"][0]["input"] == "\ufffd\ufffd\ufffdcaf\ufffd\n"

    r = platform.submit(token, REVERSE, problem_id=PROBLEM_ID)
    assert r.status_code == 201, r.text
    accepted = platform.result(token, r.json()["result"]["submission_id"])
    assert (accepted["verdict"], accepted["passed"], accepted["total"]) == ("AC", 2, 2), accepted

    r = platform.submit(token, ECHO, problem_id=PROBLEM_ID)
    assert r.status_code == 201, r.text
    wrong_id = r.json()["result"]["submission_id"]
    wrong = platform.result(token, wrong_id)
    assert (wrong["verdict"], wrong["message"]) == ("WA", "Wrong Answer on test sample/1"), wrong
    assert wrong["io"]["expected"] == "\n\ufffdfac\ufffd\ufffd\ufffd"  # the sample, shown as text

    staff = platform.staff_token()
    r = requests.post(
        f"{platform.cm_url}/submissions/{wrong_id}/rejudge/",
        headers={"Authorization": f"Bearer {staff}"},
        timeout=30,
    )
    assert r.status_code == 202, r.text
    deadline = time.monotonic() + 120
    again = platform.result(token, wrong_id)
    while again["attempt"] < 2 and time.monotonic() < deadline:
        time.sleep(0.5)
        again = platform.result(token, wrong_id)
    assert (again["attempt"], again["verdict"]) == (2, "WA"), again
