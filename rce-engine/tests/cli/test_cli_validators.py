"""`algocode-judge verify|run` on the shipped custom-validator (pair-sum) and scoring (range-sums) problems:
the validator is built first, every folder's verdict holds, scores are printed and checked."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rce_engine.cli.main import main
from rce_engine.sandbox.base import Sandbox

PROBLEMS = Path(__file__).resolve().parents[3] / "problems"


def test_verify_the_validator_and_scoring_problems(
    real_sandbox: Sandbox, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["verify", str(PROBLEMS / "pair-sum"), str(PROBLEMS / "range-sums")]) == 0
    out = capsys.readouterr().out.strip().splitlines()
    assert out[0].startswith("PASS pair-sum/output validator: compiles")
    assert not [line for line in out if line.startswith("FAIL")]
    assert any(line.startswith("PASS range-sums/accepted/prefix.py: AC score 100/100") for line in out)
    # The quadratic solution earns group 1's 30 points before running out of time in group 2.
    assert any(
        line.startswith("PASS range-sums/time_limit_exceeded/add_each_range.cpp: TLE score 30/100")
        for line in out
    )
    assert out[-1].endswith(" passed, 0 failed")


def test_verify_fails_a_validator_that_does_not_compile(
    real_sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "pair-sum"
    shutil.copytree(PROBLEMS / "pair-sum", package, ignore=shutil.ignore_patterns("submissions", "data"))
    (package / "data" / "sample").mkdir(parents=True)
    shutil.copy(PROBLEMS / "pair-sum" / "data" / "sample" / "1.in", package / "data" / "sample")
    shutil.copy(PROBLEMS / "pair-sum" / "data" / "sample" / "1.ans", package / "data" / "sample")
    (package / "output_validators" / "pair_checker" / "tokens.cpp").write_text("this is not C++\n")
    (package / "submissions" / "accepted").mkdir(parents=True)
    shutil.copy(
        PROBLEMS / "pair-sum" / "submissions" / "accepted" / "dictionary.py",
        package / "submissions" / "accepted",
    )
    assert main(["verify", str(package), "--no-cache"]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out[0].startswith("FAIL pair-sum/output validator: the validator does not compile")
    assert out[-1] == "0 passed, 1 failed"


def test_verify_wants_full_points_from_an_accepted_scoring_submission(
    real_sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "range-sums"
    shutil.copytree(PROBLEMS / "range-sums", package, ignore=shutil.ignore_patterns("submissions"))
    (package / "submissions" / "accepted").mkdir(parents=True)
    # Right on every test it is given... but the samples pass and group 2 is too slow: 30 points, TLE.
    shutil.copy(
        PROBLEMS / "range-sums" / "submissions" / "time_limit_exceeded" / "add_each_range.cpp",
        package / "submissions" / "accepted",
    )
    assert main(["verify", str(package)]) == 1
    out = capsys.readouterr().out
    assert "FAIL range-sums/accepted/add_each_range.cpp: TLE score 30/100" in out


def test_run_prints_group_points(real_sandbox: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    source = PROBLEMS / "range-sums" / "submissions" / "wrong_answer" / "int_sums.cpp"
    assert main(["run", str(PROBLEMS / "range-sums"), str(source)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert "  secret/1-small           AC   30/30 points" in out
    assert "  secret/2-large           WA   0/70 points" in out
    assert out[-1] == "score 30/100"


def test_run_a_different_right_pair(
    real_sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Prints the LAST pair it finds: never the answer files' pair on the tests with several, still right.
    source = tmp_path / "last.py"
    source.write_text(
        "import sys\n"
        "d = sys.stdin.read().split()\n"
        "n, x = int(d[0]), int(d[1])\n"
        "a = list(map(int, d[2:2 + n]))\n"
        "last = {v: i for i, v in enumerate(a, 1)}\n"
        "pairs = [(i, last[x - v]) for i, v in enumerate(a, 1) if last.get(x - v, i) != i]\n"
        "print(*pairs[-1]) if pairs else print(-1)\n"
    )
    assert main(["run", str(PROBLEMS / "pair-sum"), str(source)]) == 0
    assert "Accepted" in capsys.readouterr().out
