"""Reading custom output validators and scored groups from a package (algocode_contracts.validators): both
layouts, the job they produce, and a clear PackageError for what is broken or not supported."""

from __future__ import annotations

from pathlib import Path

import pytest

from algocode_contracts.messages import SubmissionCreated
from algocode_contracts.package import PackageError, read_package

CHECK_C = "int main(void) { return 42; }\n"


def package(root: Path, yaml_text: str, files: dict[str, str]) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "problem.yaml").write_text(yaml_text)
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


SAMPLE = {"data/sample/1.in": "1\n", "data/sample/1.ans": "1\n"}


def test_legacy_single_file_validator_with_flags(tmp_path: Path) -> None:
    root = package(
        tmp_path / "p",
        "name: T\nvalidation: custom\nvalidator_flags: 'tolerance 3'\n",
        {**SAMPLE, "output_validators/check/check.cpp": "int main() { return 42; }\n"},
    )
    read = read_package(root)
    assert read.validator is not None
    assert read.validator.language == "cpp"
    assert read.validator.files == {"check.cpp": "int main() { return 42; }\n"}
    assert read.validator.flags == ["tolerance", "3"]  # not parsed as the default validator's flags
    assert not read.validator.score
    assert not read.groups
    job = read.to_job(language="python3", source="print(1)\n")
    again = SubmissionCreated.model_validate_json(job.model_dump_json(by_alias=True))
    assert again.validator == read.validator
    assert again.groups is None


def test_legacy_validator_as_one_file_and_multi_file_c(tmp_path: Path) -> None:
    one = package(tmp_path / "a", "validation: custom\n", {**SAMPLE, "output_validators/check.py": "x = 1\n"})
    assert read_package(one).validator.language == "python3"  # type: ignore[union-attr]
    several = package(
        tmp_path / "b",
        "validation: custom\n",
        {
            **SAMPLE,
            "output_validators/v/main.c": CHECK_C,
            "output_validators/v/util.c": "int f(void) { return 1; }\n",
            "output_validators/v/util.h": "int f(void);\n",
            "output_validators/v/README.md": "how it works\n",
        },
    )
    validator = read_package(several).validator
    assert validator is not None
    assert validator.language == "c"
    assert sorted(validator.files) == ["main.c", "util.c", "util.h"]  # the README is not a source


def test_2023_layout_reads_output_validator_dir(tmp_path: Path) -> None:
    root = package(
        tmp_path / "p",
        "problem_format_version: 2023-07\nname: T\n",
        {**SAMPLE, "output_validator/__main__.py": "import sys\n", "output_validator/lib.py": "\n"},
    )
    validator = read_package(root).validator
    assert validator is not None
    assert validator.language == "python3"


@pytest.mark.parametrize(
    ("yaml_text", "files", "message"),
    [
        (
            "validation: custom\n",
            {"output_validators/v/build": "make\n", "output_validators/v/a.c": CHECK_C},
            "build/run scripts are not supported",
        ),
        ("validation: custom\n", {"output_validators/v/run": "#!/bin/sh\n"}, "build/run scripts"),
        (
            "validation: custom\n",
            {"output_validators/a/a.c": CHECK_C, "output_validators/b/b.c": CHECK_C},
            "exactly one validator program",
        ),
        (
            "validation: custom\n",
            {"output_validators/v/Check.java": "class C {}\n"},
            r"cannot build a validator from \['.java'\]",
        ),
        (
            "validation: custom\n",
            {"output_validators/v/a.py": "\n", "output_validators/v/b.py": "\n"},
            "need a __main__.py",
        ),
        (
            "validation: custom\n",
            {"output_validators/v/a.py": "\n", "output_validators/v/b.c": CHECK_C},
            "cannot be mixed",
        ),
        ("validation: custom\n", {"output_validators/v/only.h": "\n"}, "no source file"),
        ("validation: custom\n", {"output_validators/v/sub/a.c": CHECK_C}, "flat set of regular files"),
        ("validation: custom\n", {"output_validators/v/a b.c": CHECK_C}, "file name must be"),
        (
            "validation: custom score\n",
            {"output_validators/v/a.c": CHECK_C},
            "for type: scoring problems only",
        ),
        ("validation: default score\n", {}, "score needs a custom validator"),
        (
            "problem_format_version: 2023-07\noutput_validator: x\n",
            {"output_validator": "x"},
            "must be a directory",
        ),
        ("problem_format_version: 2023-07\nvalidation: custom\n", {}, "has no validation key"),
        ("problem_format_version: 2025-09\n", {}, "only legacy and 2023-07"),
        ("type: multi-pass\n", {}, "only pass-fail and scoring"),
        ("type: [pass-fail, scoring]\n", {}, "exclude each other"),
    ],
)
def test_bad_validators_are_refused_clearly(
    tmp_path: Path, yaml_text: str, files: dict[str, str], message: str
) -> None:
    root = package(tmp_path / "p", yaml_text, {**SAMPLE, **files})
    with pytest.raises(PackageError, match=message):
        read_package(root)


def test_validator_size_is_bounded(tmp_path: Path) -> None:
    root = package(
        tmp_path / "p", "validation: custom\n", {**SAMPLE, "output_validators/v/a.c": "x" * (600 * 1024)}
    )
    with pytest.raises(PackageError, match="larger than"):
        read_package(root)


def group_tests(group: str, count: int) -> dict[str, str]:
    files = {}
    for index in range(1, count + 1):
        files[f"data/secret/{group}/{index}.in"] = f"{index}\n"
        files[f"data/secret/{group}/{index}.ans"] = f"{index}\n"
    return files


def test_2023_scoring_groups_scores_and_inference(tmp_path: Path) -> None:
    root = package(
        tmp_path / "p",
        "problem_format_version: 2023-07\ntype: scoring\n",
        {
            **SAMPLE,
            **group_tests("g1", 2),
            **group_tests("g2", 3),
            **group_tests("g3", 1),
            "data/secret/g1/testdata.yaml": "scoring: {score: 30, aggregation: min}\n",
            "data/secret/g2/testdata.yaml": "scoring: {aggregation: sum}\n",
        },
    )
    groups = read_package(root).groups
    assert [(g.name, g.max_score, g.aggregation, g.on_reject) for g in groups] == [
        ("secret/g1", 30, "min", "break"),
        ("secret/g2", 35, "sum", "continue"),  # (100 - 30) shared by the two without a score
        ("secret/g3", 35, "pass-fail", "break"),  # the default aggregation of a group
    ]
    assert groups[1].tests == ["secret/g2/1", "secret/g2/2", "secret/g2/3"]
    job = read_package(root).to_job(language="python3", source="print(1)\n")
    assert job.groups is not None
    assert [g.name for g in job.groups] == ["secret/g1", "secret/g2", "secret/g3"]


def test_2023_scoring_without_groups_is_one_group_of_100(tmp_path: Path) -> None:
    root = package(
        tmp_path / "p",
        "problem_format_version: 2023-07\ntype: scoring\n",
        {**SAMPLE, "data/secret/1.in": "1\n", "data/secret/1.ans": "1\n"},
    )
    (group,) = read_package(root).groups
    assert (group.name, group.max_score, group.tests) == ("secret", 100, ["secret/1"])


def test_legacy_scoring_inherits_testdata_yaml(tmp_path: Path) -> None:
    root = package(
        tmp_path / "p",
        "type: scoring\nvalidation: custom score\n",
        {
            **SAMPLE,
            **group_tests("a", 2),
            **group_tests("b", 2),
            "output_validators/v/v.py": "\n",
            "data/secret/testdata.yaml": "on_reject: continue\naccept_score: 5\n",
            "data/secret/b/testdata.yaml": (
                "grader_flags: first_error min\naccept_score: 20\non_reject: break\n"
            ),
        },
    )
    read = read_package(root)
    assert read.validator is not None
    assert read.validator.score
    assert [(g.name, g.max_score, g.aggregation, g.on_reject, g.score_file) for g in read.groups] == [
        ("secret/a", 10, "sum", "continue", "points"),
        ("secret/b", 20, "min", "break", "points"),
    ]


@pytest.mark.parametrize(
    ("version", "files", "message"),
    [
        ("2023-07", {"data/secret/g/testdata.yaml": "scoring: {score: 200}\n"}, "more than 100"),
        ("2023-07", {"data/secret/g/testdata.yaml": "scoring: {score: unbounded}\n"}, "unbounded"),
        (
            "2023-07",
            {"data/secret/g/testdata.yaml": "scoring: {aggregation: max}\n"},
            "pass-fail, sum or min",
        ),
        ("2023-07", {"data/secret/g/testdata.yaml": "scoring: {require-pass: sample}\n"}, "require-pass"),
        ("2023-07", {"data/secret/g/testdata.yaml": "output_validator_args: [x]\n"}, "output_validator_args"),
        ("2023-07", {"data/secret/g/testdata.yaml": "colour: red\n"}, "unknown keys"),
        ("2023-07", {"data/secret/testdata.yaml": "scoring: {aggregation: min}\n"}, "only sum aggregation"),
        ("2023-07", {"data/secret/g/test_group.yaml": "max_score: 5\n"}, "test_group.yaml"),
        ("2023-07", {"data/secret/1.in": "1\n", "data/secret/1.ans": "1\n"}, "both tests and groups"),
        ("2023-07", {"data/secret/g/h/testdata.yaml": "{}\n"}, "groups inside groups"),
        ("legacy", {"data/secret/g/testdata.yaml": "grading: custom\n"}, "a grader program"),
        ("legacy", {"data/secret/g/testdata.yaml": "grader_flags: avg\n"}, "grader_flags: only"),
        ("legacy", {"data/secret/g/testdata.yaml": "reject_score: 1\n"}, "reject_score"),
        ("legacy", {"data/secret/g/testdata.yaml": "range: 0 10\n"}, "range is not supported"),
        ("legacy", {"data/secret/g/testdata.yaml": "accept_score: -1\n"}, "accept_score must be a number"),
        ("legacy", {"data/secret/g/testdata.yaml": "on_reject: retry\n"}, "on_reject must be"),
    ],
)
def test_bad_scoring_is_refused_clearly(
    tmp_path: Path, version: str, files: dict[str, str], message: str
) -> None:
    root = package(
        tmp_path / "p",
        f"problem_format_version: {version}\ntype: scoring\n",
        {**SAMPLE, **group_tests("g", 1), **files},
    )
    with pytest.raises(PackageError, match=message):
        read_package(root)


def test_scores_in_a_pass_fail_problem_are_refused(tmp_path: Path) -> None:
    root = package(
        tmp_path / "p",
        "name: T\n",
        {**SAMPLE, **group_tests("g", 1), "data/secret/g/testdata.yaml": "accept_score: 3\n"},
    )
    with pytest.raises(PackageError, match="for type: scoring problems only"):
        read_package(root)


def test_results_without_scores_or_feedback_serialise_as_before() -> None:
    """A judge deploys before the code managers; one that predates these fields refuses unknown ones."""
    import json
    import uuid
    from datetime import UTC, datetime

    from algocode_contracts.messages import GroupScore, SubmissionJudged, TestIO

    plain = SubmissionJudged(
        submission_id=uuid.uuid4(),
        attempt=1,
        verdict="AC",
        message="Accepted",
        passed=1,
        total=1,
        max_time_ms=1,
        max_memory_kib=1,
        judged_at=datetime.now(UTC),
        io=TestIO(test="sample/1", input="", expected="", actual=""),
    )
    dumped = json.loads(plain.model_dump_json(by_alias=True))
    assert not {"score", "max_score", "groups"} & set(dumped)
    assert "feedback" not in dumped["io"]
    scored = plain.model_copy(
        update={
            "score": 30.0,
            "max_score": 100.0,
            "groups": [GroupScore(name="secret/a", score=30, max_score=30, verdict="AC")],
        }
    )
    again = SubmissionJudged.model_validate_json(scored.model_dump_json(by_alias=True))
    assert (again.score, again.max_score, again.groups) == (30, 100, scored.groups)
