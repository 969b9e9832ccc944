"""`verify` plumbing that needs no sandbox: which paths count as packages."""

from __future__ import annotations

from pathlib import Path

from rce_engine.problems.verify import expand_package_paths

PROBLEMS = Path(__file__).resolve().parents[3] / "problems"


def test_a_directory_of_packages_stands_for_each_package() -> None:
    expanded = expand_package_paths([PROBLEMS])
    assert {path.name for path in expanded} >= {"sqrt-x", "a-plus-b", "mean"}
    assert all((path / "problem.yaml").is_file() for path in expanded)


def test_packages_and_other_paths_pass_through(tmp_path: Path) -> None:
    package = PROBLEMS / "sqrt-x"
    assert expand_package_paths([package, tmp_path]) == [package, tmp_path]
