"""The problem-package reader: the shipped packages, the Kattis details (legacy .timelimit, validator flags,
natural test order), and a clear PackageError for every kind of broken package."""

from __future__ import annotations

import hashlib
import uuid
from pathlib import Path

import pytest

from algocode_contracts import LANGUAGES, CheckerSettings, SubmissionCreated, TestCase
from algocode_contracts.functions import DesignSignature
from algocode_contracts.package import (
    ExpectedVerdict,
    PackageError,
    natural_key,
    parse_validator_flags,
    read_package,
)
from algocode_contracts.testdata import INLINE_JOB_BUDGET, INLINE_TEST_BYTES, BlobRef

PROBLEMS = Path(__file__).resolve().parents[2] / "problems"


def make_package(root: Path, yaml_text: str = "name: Test\n", tests: dict[str, str] | None = None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "problem.yaml").write_text(yaml_text)
    for name, text in (tests if tests is not None else {"sample/1.in": "1\n", "sample/1.ans": "1\n"}).items():
        path = root / "data" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def test_shipped_sqrt_x_package() -> None:
    package = read_package(PROBLEMS / "sqrt-x")
    assert package.id == uuid.UUID("f17f511a-8c53-41d3-b750-7673d25835af")
    assert package.name == "Sqrt(x)"
    assert (package.limits.time_limit_s, package.limits.memory_mib) == (1.0, 256)
    assert package.difficulty == 1
    assert "math" in package.tags
    assert "2^31" in (package.constraints or "")
    assert package.statement is not None
    assert package.statement.startswith("# Sqrt(x)")
    assert [t.name for t in package.samples] == ["sample/1"]
    assert all(t.sample for t in package.samples)
    assert not any(t.sample for t in package.secret)
    assert package.tests[0].input == "2\n4\n8\n"
    assert package.tests[0].answer == "2\n2\n"
    expected = {s.expected for s in package.submissions}
    assert expected == set(ExpectedVerdict)  # every verdict folder has an example
    readme = package.root / "submissions" / "accepted" / "original_readme.cpp"
    assert readme in {s.path for s in package.submissions}
    assert "std::endl" in readme.read_text()


def test_shipped_float_package_has_tolerance() -> None:
    package = read_package(PROBLEMS / "mean")
    assert package.checker == CheckerSettings(float_absolute_tolerance=1e-6, float_relative_tolerance=1e-6)


def test_every_shipped_package_reads() -> None:
    names = [p.name for p in PROBLEMS.iterdir() if (p / "problem.yaml").is_file()]
    assert {"sqrt-x", "a-plus-b", "mean", "pair-sum", "range-sums", "guess-number"} <= set(names)
    for name in names:
        package = read_package(PROBLEMS / name)
        assert package.submissions
        assert package.statement


def test_every_language_solves_and_fails_every_shipped_problem() -> None:
    """Issue 10: in every language, an accepted solution of each shipped problem, and among the problems a
    wrong answer, a run-time error or time limit, and a compile error, so `verify` exercises it. (The
    problems of issue 11's new kinds, a custom validator or scores, and the function-style problems have
    their own checks below.)"""
    packages = [
        package
        for package in (read_package(p) for p in sorted(PROBLEMS.iterdir()) if (p / "problem.yaml").is_file())
        if package.validator is None and not package.groups and package.signature is None
    ]
    assert len(packages) >= 3
    missing = []
    for language in LANGUAGES:
        for package in packages:
            if language not in package.languages:
                continue  # the problem does not take this language (guess-number: C, C++, Python only)
            if not any(
                s.language == language and s.expected == ExpectedVerdict.ACCEPTED for s in package.submissions
            ):
                missing.append(f"{language}: accepted in {package.short_name}")
        folders = {s.expected for package in packages for s in package.submissions if s.language == language}
        needed = {
            "wrong_answer": {ExpectedVerdict.WRONG_ANSWER},
            "run_time_error or time_limit_exceeded": {
                ExpectedVerdict.RUN_TIME_ERROR,
                ExpectedVerdict.TIME_LIMIT_EXCEEDED,
            },
            "compile_error": {ExpectedVerdict.COMPILE_ERROR},
        }
        missing += [f"{language}: {name}" for name, accepted in needed.items() if not folders & accepted]
    assert missing == []


def test_to_job_is_a_valid_message(tmp_path: Path) -> None:
    root = make_package(
        tmp_path / "p",
        "name: P\nlimits: {time_limit: 2.5, memory: 128, output: 2}\nvalidator_flags: case_sensitive\n",
    )
    job = read_package(root).to_job(language="python3", source="print(1)\n", stop_on_first_failure=False)
    again = SubmissionCreated.model_validate_json(job.model_dump_json(by_alias=True))
    assert again.limits.time_limit_ms == 2500
    assert again.limits.memory_limit_kib == 128 * 1024
    assert again.limits.output_limit_kib == 2048
    assert again.checker.case_sensitive
    assert [(t.name, t.input, t.answer, t.sample) for t in again.tests] == [("sample/1", "1\n", "1\n", True)]
    assert not again.stop_on_first_failure


def test_defaults_legacy_timelimit_and_derived_id(tmp_path: Path) -> None:
    root = make_package(tmp_path / "hello", "name: Hello\n")
    package = read_package(root)
    assert (package.limits.time_limit_s, package.limits.memory_mib, package.limits.output_mib) == (
        1.0,
        2048,
        8,
    )
    assert package.id == read_package(root).id  # stable without a uuid
    (root / ".timelimit").write_text("3\n")
    assert read_package(root).limits.time_limit_s == 3.0


def test_tests_sort_naturally_samples_first_and_nest(tmp_path: Path) -> None:
    files = {}
    for name in ("secret/10", "secret/2", "secret/1", "sample/b", "sample/a", "secret/g/3"):
        files[f"{name}.in"] = name
        files[f"{name}.ans"] = name
    package = read_package(make_package(tmp_path / "p", tests=files))
    assert [t.name for t in package.tests] == [
        "sample/a",
        "sample/b",
        "secret/1",
        "secret/2",
        "secret/10",
        "secret/g/3",
    ]
    assert natural_key("t2") < natural_key("t10")


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ("", CheckerSettings()),
        (
            "case_sensitive space_change_sensitive",
            CheckerSettings(case_sensitive=True, space_change_sensitive=True),
        ),
        (
            "float_tolerance 1e-6",
            CheckerSettings(float_absolute_tolerance=1e-6, float_relative_tolerance=1e-6),
        ),
        ("float_absolute_tolerance 0.5", CheckerSettings(float_absolute_tolerance=0.5)),
        ("float_relative_tolerance 1e-9", CheckerSettings(float_relative_tolerance=1e-9)),
    ],
)
def test_validator_flags(flags: str, expected: CheckerSettings) -> None:
    assert parse_validator_flags(flags) == expected


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        ("ignore_case", "unknown flag 'ignore_case'"),
        ("float_tolerance", "needs a number"),
        ("float_tolerance abc", "not a number"),
        ("float_tolerance -1", ">= 0"),
        ("float_tolerance nan", "finite"),
    ],
)
def test_bad_validator_flags(flags: str, message: str) -> None:
    with pytest.raises(PackageError, match=message):
        parse_validator_flags(flags)


@pytest.mark.parametrize(
    ("yaml_text", "tests", "message"),
    [
        ("name: [unclosed\n", None, "invalid YAML"),
        ("- a list\n", None, "must be a mapping"),
        ("limits: {time_limit: fast}\n", None, "time_limit must be a number"),
        ("limits: {time_limit: 0}\n", None, "limits out of range"),
        ("limits: {memory: 100000}\n", None, "limits out of range"),
        ("uuid: not-a-uuid\n", None, "not a UUID"),
        ("algocode: {difficulty: 9}\n", None, "difficulty must be 1 to 5"),
        ("algocode: {tags: math}\n", None, "tags must be a list"),
        ("algocode: {color: red}\n", None, "unknown algocode keys"),
        ("validation: custom\n", None, "there is no output_validators/ directory"),
        ("validation: strict\n", None, "one of default, custom"),
        ("validation: custom interactive\n", None, "needs its validator in output_validator/"),
        ("type: interactive\n", None, "needs its validator in output_validator/"),
        ("validation: custom interactive score\n", None, "interactive scoring problems are not supported"),
        ("validator_flags: [case_sensitive]\n", None, "validator_flags must be a string"),
        ("name: T\n", {"secret/1.in": "1\n"}, "secret/1.in: no answer file 1.ans"),
        ("name: T\n", {"secret/1.ans": "1\n", "sample/1.in": "1", "sample/1.ans": "1"}, "no input file 1.in"),
        ("name: T\n", {}, "no tests"),
        ("name: ''\n", None, "name must be non-empty"),
        ("languages: [cpp, kotlin]\n", None, "unknown languages \\['kotlin'\\]"),
        ("languages: cpp\n", None, "languages must be a non-empty list"),
        ("languages: []\n", None, "languages must be a non-empty list"),
    ],
)
def test_broken_packages_say_what_is_wrong(
    tmp_path: Path, yaml_text: str, tests: dict[str, str] | None, message: str
) -> None:
    root = make_package(tmp_path / "p", yaml_text, tests)
    with pytest.raises(PackageError, match=message):
        read_package(root)


def test_not_a_package(tmp_path: Path) -> None:
    with pytest.raises(PackageError, match=r"no problem\.yaml"):
        read_package(tmp_path)
    with pytest.raises(PackageError, match="not a directory"):
        read_package(tmp_path / "missing")


def test_bad_legacy_timelimit(tmp_path: Path) -> None:
    root = make_package(tmp_path / "p")
    (root / ".timelimit").write_text("soon")
    with pytest.raises(PackageError, match=r"\.timelimit"):
        read_package(root)


def test_binary_test_data_is_accepted_and_travels_by_reference(tmp_path: Path) -> None:
    root = make_package(tmp_path / "p")
    (root / "data" / "sample" / "1.in").write_bytes(b"\xff\xfe\x00")
    (root / "data" / "sample" / "1.ans").write_bytes(b"caf\xe9\n")  # Latin-1, not UTF-8
    package = read_package(root)
    test = package.tests[0]
    assert (test.input_bytes(), test.answer_bytes()) == (b"\xff\xfe\x00", b"caf\xe9\n")
    assert (test.input, test.answer) == ("\ufffd\ufffd\ufffd", "caf\ufffd\n")  # shown, never judged
    job = SubmissionCreated.model_validate_json(
        package.to_job(language="python3", source="print(1)\n").model_dump_json(by_alias=True)
    )
    case = job.tests[0]
    assert (case.input, case.answer) == ("", "")
    assert case.input_ref == BlobRef(sha256=hashlib.sha256(b"\xff\xfe\x00").hexdigest(), size=3)
    assert case.answer_ref is not None
    assert case.answer_ref.size == 5
    paths = package.blob_paths()
    assert paths[case.input_ref.sha256].read_bytes() == b"\xff\xfe\x00"
    assert paths[case.answer_ref.sha256].read_bytes() == b"caf\xe9\n"


def test_a_big_test_set_makes_a_small_job(tmp_path: Path) -> None:
    """Small UTF-8 tests stay inline up to the job's budget; big ones and the rest go by reference."""
    tests = {f"secret/{n}.in": f"{n}\n" for n in range(30)} | {f"secret/{n}.ans": f"{n}\n" for n in range(30)}
    root = make_package(tmp_path / "p", tests=tests)
    big = b"7 " * (INLINE_TEST_BYTES // 2 + 1)
    (root / "data" / "secret" / "3.in").write_bytes(big)
    (root / "data" / "secret" / "4.ans").write_text("x" * 10_000)  # inline: under the per-test cap
    job = read_package(root).to_job(language="python3", source="print(1)\n")
    assert [t.input_ref is not None for t in job.tests[:5]] == [False, False, False, True, False]
    assert job.tests[3].input_ref == BlobRef(sha256=hashlib.sha256(big).hexdigest(), size=len(big))
    assert job.tests[4].answer == "x" * 10_000
    assert len(job.model_dump_json(by_alias=True)) < 40_000


def test_a_job_never_carries_more_inline_than_its_budget(tmp_path: Path) -> None:
    text = "y" * (INLINE_TEST_BYTES - 10)
    tests = {f"secret/{n}.in": text for n in range(40)} | {f"secret/{n}.ans": text for n in range(40)}
    root = make_package(tmp_path / "p", tests=tests)
    job = read_package(root).to_job(language="python3", source="print(1)\n")
    inline = [t for t in job.tests if t.input_ref is None]
    assert 0 < len(inline) < 40
    assert len(job.model_dump_json(by_alias=True)) < INLINE_JOB_BUDGET + 40 * 400


def test_a_test_case_is_inline_or_by_reference_not_both() -> None:
    ref = BlobRef(sha256="0" * 64, size=1)
    with pytest.raises(ValueError, match="input_ref has an empty input"):
        TestCase(name="t", input="1\n", answer="", input_ref=ref)
    with pytest.raises(ValueError, match="sha256"):
        BlobRef(sha256="../../etc/passwd", size=1)


def test_unknown_submissions_folder(tmp_path: Path) -> None:
    root = make_package(tmp_path / "p")
    (root / "submissions" / "partially_accepted").mkdir(parents=True)
    with pytest.raises(PackageError, match="submissions/partially_accepted: unknown expected verdict"):
        read_package(root)


def test_run_time_error_folder_accepts_mle_too() -> None:
    assert ExpectedVerdict.RUN_TIME_ERROR.verdicts == {"RE", "MLE"}
    assert ExpectedVerdict.ACCEPTED.verdicts == {"AC"}


def test_languages_restriction_and_submission_languages(tmp_path: Path) -> None:
    root = make_package(tmp_path / "p", "name: T\nlanguages: [python3, cpp]\n")
    assert read_package(root).languages == ("cpp", "python3")  # the contract's order
    assert read_package(make_package(tmp_path / "q")).languages == LANGUAGES  # absent: every language
    alias = make_package(tmp_path / "r", "name: T\nlanguages: [python, cpp]\n")
    assert read_package(alias).languages == ("cpp", "python3")  # `python`, the first release's id
    unknown = make_package(tmp_path / "s", "name: T\nlanguages: [python2]\n")
    with pytest.raises(PackageError, match="unknown languages"):
        read_package(unknown)
    accepted = root / "submissions" / "accepted"
    accepted.mkdir(parents=True)
    for name in ("a.cpp", "b.cpp20.cpp", "c.pypy3.py", "d.py", "e.hs", "f.txt"):
        (accepted / name).write_text("x")
    languages = {s.path.name: s.language for s in read_package(root).submissions}
    assert languages == {
        "a.cpp": "cpp",
        "b.cpp20.cpp": "cpp20",
        "c.pypy3.py": "pypy3",
        "d.py": "python3",
        "e.hs": "haskell",
        "f.txt": None,
    }


def test_an_inline_job_serialises_as_before_references_existed(tmp_path: Path) -> None:
    """Judges of before ADR 0150 refuse unknown fields: a job without references must not mention them."""
    job = read_package(make_package(tmp_path / "p")).to_job(language="python3", source="print(1)\n")
    body = job.model_dump_json(by_alias=True)
    assert "_ref" not in body
    assert SubmissionCreated.model_validate_json(body).tests[0].input == "1\n"


def test_shipped_validator_and_scoring_problems_have_every_verdict_in_cpp_and_python() -> None:
    """Issue 11: a custom-validator problem (many right answers) and a scoring one with two groups or more,
    each with a submission of every verdict folder in C++ and in Python, so `verify` exercises them."""
    pair_sum, range_sums = read_package(PROBLEMS / "pair-sum"), read_package(PROBLEMS / "range-sums")
    assert pair_sum.validator is not None
    assert pair_sum.validator.language == "cpp"
    assert len(pair_sum.validator.files) >= 2  # several files compiled together
    assert len(range_sums.groups) >= 2
    assert sum(group.max_score for group in range_sums.groups) == 100
    folders = {
        ExpectedVerdict.ACCEPTED,
        ExpectedVerdict.WRONG_ANSWER,
        ExpectedVerdict.TIME_LIMIT_EXCEEDED,
        ExpectedVerdict.RUN_TIME_ERROR,
        ExpectedVerdict.COMPILE_ERROR,
    }
    missing = []
    for package in (pair_sum, range_sums):
        for language in ("cpp", "python3"):
            have = {s.expected for s in package.submissions if s.language == language}
            missing += [f"{package.short_name} {language}: {folder.value}" for folder in folders - have]
    assert missing == []


def test_shipped_function_problems_are_a_real_problem_set() -> None:
    """Issue 12: 30+ function-style problems, each with accepted solutions in Python, C++ and Java, a wrong
    answer and a time limit submission (the naive solution), samples, a generator, a statement, difficulty
    and tags; and between them easy, medium and hard problems and at least two design problems."""
    packages = [
        package
        for package in (read_package(p) for p in sorted(PROBLEMS.iterdir()) if (p / "problem.yaml").is_file())
        if package.signature is not None
    ]
    assert len(packages) >= 30
    missing = []
    for package in packages:
        have = {(s.language, s.expected) for s in package.submissions}
        for language in ("python3", "cpp", "java"):
            if (language, ExpectedVerdict.ACCEPTED) not in have:
                missing.append(f"{package.short_name}: accepted in {language}")
        for folder in (ExpectedVerdict.WRONG_ANSWER, ExpectedVerdict.TIME_LIMIT_EXCEEDED):
            if not any(expected == folder for _, expected in have):
                missing.append(f"{package.short_name}: {folder.value}")
        if not package.samples or package.statement is None or not package.tags:
            missing.append(f"{package.short_name}: samples, statement and tags")
        if not (package.root / "generators").is_dir():
            missing.append(f"{package.short_name}: generators/")
    assert missing == []
    levels = {"easy" if d <= 2 else "medium" if d == 3 else "hard" for p in packages if (d := p.difficulty)}
    assert levels == {"easy", "medium", "hard"}
    assert sum(isinstance(p.signature, DesignSignature) for p in packages) >= 2
