"""Interactive packages (issue 11, vinter): both formats' spellings, the validator's files, and the job."""

from __future__ import annotations

from pathlib import Path

import pytest

from algocode_contracts import SubmissionCreated
from algocode_contracts.package import PackageError, read_package

PROBLEMS = Path(__file__).resolve().parents[2] / "problems"
VALIDATOR = "import sys\nsys.exit(42)\n"


def make_package(root: Path, yaml_text: str) -> Path:
    """problem.yaml and one sample test; the caller adds the validator."""
    (root / "data" / "sample").mkdir(parents=True)
    (root / "problem.yaml").write_text(yaml_text)
    (root / "data" / "sample" / "1.in").write_text("1\n")
    (root / "data" / "sample" / "1.ans").write_text("1\n")
    return root


def test_shipped_guess_number_is_interactive_with_its_cpp_validator() -> None:
    package = read_package(PROBLEMS / "guess-number")
    validator = package.validator
    assert validator is not None
    assert validator.interactive
    assert validator.language == "cpp"
    assert list(validator.files) == ["validator.cpp"]
    assert "judgemessage.txt" in validator.files["validator.cpp"]
    assert set(package.languages) == {"c", "cpp", "cpp20", "python3", "pypy3"}


def test_job_carries_the_validator_through_json() -> None:
    package = read_package(PROBLEMS / "guess-number")
    job = package.to_job(language="python3", source="print(1)\n")
    again = SubmissionCreated.model_validate_json(job.model_dump_json(by_alias=True))
    assert again.validator == package.validator
    assert again.validator is not None
    assert again.validator.interactive


def test_default_problems_have_no_validator() -> None:
    package = read_package(PROBLEMS / "a-plus-b")
    assert package.validator is None
    assert package.to_job(language="python3", source="print(1)\n").validator is None


def test_2023_format_type_interactive_and_flags(tmp_path: Path) -> None:
    root = make_package(tmp_path / "p", "name: T\ntype: interactive\nvalidator_flags: strict  limit=5\n")
    (root / "output_validator").mkdir()
    (root / "output_validator" / "validate.py").write_text(VALIDATOR)
    (root / "output_validator" / "notes.txt").write_text("helper data\n")
    package = read_package(root)
    assert package.validator is not None
    assert package.validator.language == "python3"
    assert package.validator.flags == ["strict", "limit=5"]
    assert set(package.validator.files) == {"validate.py", "notes.txt"}
    # The flags are the validator's: the default checker keeps its defaults.
    assert not package.checker.case_sensitive


def test_legacy_single_file_in_output_validators(tmp_path: Path) -> None:
    root = make_package(tmp_path / "p", "name: T\nvalidation: custom interactive\n")
    (root / "output_validators").mkdir()
    (root / "output_validators" / "v.c").write_text("int main(void) { return 42; }\n")
    package = read_package(root)
    assert package.validator is not None
    assert package.validator.language == "c"


@pytest.mark.parametrize(
    ("files", "message"),
    [
        ({"a.py": VALIDATOR, "b.cpp": "int main() {}\n"}, "one validator in C, C\\+\\+ or Python"),
        ({"Main.java": "class Main {}\n"}, "one validator in C, C\\+\\+ or Python"),
        ({}, "no validator source"),
        ({"big.py": "#" * (600 * 1024)}, "at most 16 files and 512 KiB"),
    ],
)
def test_bad_validators_say_what_is_wrong(tmp_path: Path, files: dict[str, str], message: str) -> None:
    root = make_package(tmp_path / "p", "name: T\nvalidation: custom interactive\n")
    directory = root / "output_validators" / "check"
    directory.mkdir(parents=True)
    for name, text in files.items():
        (directory / name).write_text(text)
    with pytest.raises(PackageError, match=message):
        read_package(root)


def test_non_utf8_validator_is_refused(tmp_path: Path) -> None:
    root = make_package(tmp_path / "p", "name: T\ntype: interactive\n")
    (root / "output_validator").mkdir()
    (root / "output_validator" / "v.py").write_bytes(b"\xff\xfe")
    with pytest.raises(PackageError, match="not UTF-8"):
        read_package(root)
