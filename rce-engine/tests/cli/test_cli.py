"""`algocode-judge` end to end: verify every shipped package (through the installed entry point), run one
file with per-test lines or JSON, and a verify that catches a submission in the wrong folder."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from algocode_contracts import LANGUAGES, SubmissionJudged
from rce_engine.cli.main import main
from rce_engine.conf import JudgeConfig
from rce_engine.sandbox.base import Sandbox

PROBLEMS = Path(__file__).resolve().parents[3] / "problems"
SHIPPED = sorted(str(p) for p in PROBLEMS.iterdir() if (p / "problem.yaml").is_file())


def _entry_point() -> list[str]:
    script = Path(sys.executable).parent / "algocode-judge"
    return [str(script)] if script.is_file() else [sys.executable, "-m", "rce_engine.cli.main"]


@pytest.mark.timeout(1500)  # 40 problems, ~200 submissions: about 6 minutes on 2 cores
def test_verify_every_shipped_package(real_sandbox: Sandbox, judge_config: JudgeConfig) -> None:
    assert len(SHIPPED) >= 3
    proc = subprocess.run(
        [*_entry_point(), "verify", *SHIPPED],
        capture_output=True,
        text=True,
        timeout=1400,
        check=False,
    )
    lines = proc.stdout.strip().splitlines()
    failed = [line for line in lines if line.startswith("FAIL")]
    assert failed == [], proc.stdout + proc.stderr
    assert proc.returncode == 0
    total = sum(1 for line in lines if line.startswith("PASS"))
    assert total >= 25
    assert lines[-1] == f"{total} passed, 0 failed"


def test_verify_reports_a_submission_in_the_wrong_folder(
    real_sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "a-plus-b"
    shutil.copytree(PROBLEMS / "a-plus-b", package, ignore=shutil.ignore_patterns("submissions"))
    (package / "submissions" / "accepted").mkdir(parents=True)
    (package / "submissions" / "accepted" / "minus.py").write_text(
        "a, b = map(int, input().split())\nprint(a-b)\n"
    )
    (package / "submissions" / "run_time_error").mkdir()
    (package / "submissions" / "run_time_error" / "fine.py").write_text(
        "print(sum(map(int, input().split())))\n"
    )
    (package / "submissions" / "wrong_answer").mkdir()
    (package / "submissions" / "wrong_answer" / "sol.kt").write_text("fun main() = println(1)\n")
    assert main(["verify", str(package), "--no-cache"]) == 1
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1] == "0 passed, 3 failed"
    assert any(line.startswith("FAIL a-plus-b/accepted/minus.py: WA") for line in out)
    assert any("no language for extension '.kt'" in line for line in out)


def test_run_prints_per_test_lines(real_sandbox: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    source = PROBLEMS / "a-plus-b" / "submissions" / "wrong_answer" / "int32.cpp"
    assert main(["run", str(PROBLEMS / "a-plus-b"), str(source), "--all-tests"]) == 1
    out = capsys.readouterr().out
    assert "sample/1" in out
    assert "secret/1" in out
    assert "expected 2147483648, got -2147483648" in out  # the operator sees why
    assert out.strip().splitlines()[-1].startswith("Wrong Answer on test secret/1  (passed 3/6")


def test_run_json_is_the_result_message(real_sandbox: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    source = PROBLEMS / "sqrt-x" / "submissions" / "accepted" / "original_readme.cpp"
    assert main(["run", str(PROBLEMS / "sqrt-x"), str(source), "--json"]) == 0
    result = SubmissionJudged.model_validate(json.loads(capsys.readouterr().out))
    assert result.verdict.value == "AC"
    assert result.passed == result.total == len(result.tests)


def test_run_with_explicit_language(
    real_sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "solution.txt"
    source.write_text("print(sum(map(int, input().split())))\n")
    assert main(["run", str(PROBLEMS / "a-plus-b"), str(source), "--lang", "python3"]) == 0
    assert "Accepted" in capsys.readouterr().out
    # `python`, the first release's id, still names Python 3.
    assert main(["run", str(PROBLEMS / "a-plus-b"), str(source), "--lang", "python", "--json"]) == 0
    assert '"verdict": "AC"' in capsys.readouterr().out


def test_usage_errors_are_clear(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["run", str(tmp_path), str(tmp_path / "x.cpp")]) == 2
    assert "no problem.yaml" in capsys.readouterr().err
    assert main(["run", str(PROBLEMS / "a-plus-b"), str(tmp_path / "x.kt")]) == 2
    assert "no language for extension" in capsys.readouterr().err


def test_selftest_and_setup(real_sandbox: Sandbox, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["setup"]) == 0
    out = capsys.readouterr().out
    assert "up to date" in out
    assert main(["selftest"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert [line.split()[1] for line in lines] == list(LANGUAGES)  # all fourteen, in the contract's order
    assert all(line.startswith("ok") for line in lines)


def test_languages_lists_every_language(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["languages", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [entry["id"] for entry in listed] == list(LANGUAGES)
    java = next(entry for entry in listed if entry["id"] == "java")
    assert "javac" in java["compile_command"]
    assert java["run_command"].endswith("-jar main.jar")
    ruby = next(entry for entry in listed if entry["id"] == "ruby")
    assert ruby["compile_command"].startswith("/usr/bin/ruby")
    assert main(["languages"]) == 0
    text = capsys.readouterr().out
    assert "haskell" in text
    assert "go build -o main main.go" in text


def test_run_picks_the_language_from_a_second_suffix(
    real_sandbox: Sandbox, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "sum.pypy3.py"
    source.write_text("print(sum(map(int, input().split())))\n")
    assert main(["run", str(PROBLEMS / "a-plus-b"), str(source), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["verdict"] == "AC"
    go = tmp_path / "sum.txt"
    go.write_text(
        'package main\n\nimport "fmt"\n\nfunc main() {\n\tvar a, b int64\n\tfmt.Scan(&a, &b)\n'
        "\tfmt.Println(a + b)\n}\n"
    )
    assert main(["run", str(PROBLEMS / "a-plus-b"), str(go), "--lang", "go"]) == 0
