"""Every language through the real sandbox: a compile error shows the compiler's message, a runtime
failure on a sample names the runtime's failure class (on a hidden test it does not), Java and C# take
the class name as written, and the file-name rules pick the language."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest

from algocode_contracts import LANGUAGES, JudgeLimits, SubmissionCreated, TestCase, Verdict
from rce_engine.judge import judge_job
from rce_engine.languages import REGISTRY, host_paths, language_for_path
from rce_engine.sandbox.base import Sandbox

# A program that does not compile, and what the compiler's message must contain.
COMPILE_ERRORS = {
    "c": ("int main(void) { return x; }\n", "undeclared"),
    "cpp": ("int main() { return x; }\n", "was not declared"),
    "cpp20": ("int main() { return x; }\n", "was not declared"),
    "python3": ("print(1\n", "SyntaxError"),
    "pypy3": ("print(1\n", "SyntaxError"),
    "java": ("public class Solution { public static void main(String[] a) { int x = ; } }\n", "error"),
    "go": ("package main\n\nfunc main() { x := 1 }\n", "declared but not used"),
    "rust": ('fn main() { let x: i32 = "a"; }\n', "mismatched types"),
    "javascript": ("console.log(;\n", "SyntaxError"),
    "typescript": ("const n: number = 'a';\nconsole.log(n);\n", "TS2322"),
    "csharp": ("class P { static void Main() { int x = ; } }\n", "error CS"),
    "ruby": ("puts(1\n", "syntax error"),
    "php": ("<?php\necho 1\n", "syntax error"),
    "haskell": ("main = putStrLn (1 :: Int)\n", "Couldn't match type"),
}

# A program failing at run time, and the failure class the message names on a sample test.
RUNTIME_ERRORS = {
    "python3": ("print(1 // 0)\n", "ZeroDivisionError"),
    "pypy3": ("print(1 // 0)\n", "ZeroDivisionError"),
    "java": (
        "public class Solution { public static void main(String[] a) { int[] v = new int[1];"
        " System.out.println(v[a.length + 2]); } }\n",
        "java.lang.ArrayIndexOutOfBoundsException",
    ),
    "go": (
        'package main\n\nimport "fmt"\n\nfunc main() {\n\tv := []int{1}\n\ti := 3\n\tfmt.Println(v[i])\n}\n',
        "panic: runtime error: index out of range",
    ),
    "rust": (
        "fn main() {\n    let v: Vec<i32> = Vec::new();\n    let i = std::env::args().count() + 2;\n"
        '    println!("{}", v[i]);\n}\n',
        "panicked at",
    ),
    "javascript": ("const a = null;\nconsole.log(a.x);\n", "TypeError"),
    "typescript": ("const a: any = null;\nconsole.log(a.x);\n", "TypeError"),
    "csharp": (
        "class P { static void Main() { int z = System.Environment.TickCount > 0 ? 0 : 0;"
        " System.Console.WriteLine(1 / z); } }\n",
        "System.DivideByZeroException",
    ),
    "ruby": ("puts 1 / 0\n", "ZeroDivisionError"),
    "php": ("<?php\necho intdiv(1, 0);\n", "DivisionByZeroError"),
    "haskell": ("main :: IO ()\nmain = print (head ([] :: [Int]))\n", "Prelude.head: empty list"),
}


def make_job(language: str, source: str, *, sample: bool = True) -> SubmissionCreated:
    return SubmissionCreated(
        submission_id=uuid.uuid4(),
        language=language,
        source=source,
        limits=JudgeLimits(time_limit_ms=5000, memory_limit_kib=256 * 1024),
        tests=[TestCase(name="sample/1" if sample else "secret/1", input="", answer="1\n", sample=sample)],
        created_at=datetime.now(UTC),
    )


def test_every_language_has_cases_here() -> None:
    assert set(COMPILE_ERRORS) == set(LANGUAGES)
    assert set(RUNTIME_ERRORS) == set(LANGUAGES) - {"c", "cpp", "cpp20"}  # those say it with a signal


@pytest.mark.parametrize("language", LANGUAGES)
def test_compile_error_shows_the_compilers_message(real_sandbox: Sandbox, language: str) -> None:
    source, said = COMPILE_ERRORS[language]
    result = judge_job(make_job(language, source), sandbox=real_sandbox)
    assert result.verdict is Verdict.COMPILE_ERROR, result
    assert said in result.compile_output


@pytest.mark.parametrize("language", sorted(RUNTIME_ERRORS))
def test_runtime_error_names_the_failure_class_on_samples(real_sandbox: Sandbox, language: str) -> None:
    source, failure = RUNTIME_ERRORS[language]
    result = judge_job(make_job(language, source), sandbox=real_sandbox)
    assert result.verdict is Verdict.RUNTIME_ERROR, result
    assert failure in result.message, result.message


def test_runtime_error_class_is_not_shown_for_hidden_tests(real_sandbox: Sandbox) -> None:
    # A hidden test's stderr would be the program's channel out (threat-model.md #45).
    source, failure = RUNTIME_ERRORS["python3"]
    result = judge_job(make_job("python3", source, sample=False), sandbox=real_sandbox)
    assert result.verdict is Verdict.RUNTIME_ERROR
    assert failure not in result.message


@pytest.mark.parametrize("name", ["Solution", "Main", "A_1"])
def test_java_takes_the_class_name_as_written(real_sandbox: Sandbox, name: str) -> None:
    source = f'public class {name} {{ public static void main(String[] a) {{ System.out.println("1"); }} }}\n'
    assert judge_job(make_job("java", source), sandbox=real_sandbox).verdict is Verdict.ACCEPTED
    # A non-public class with main, after a helper class, works too.
    main = "public static void main(String[] a) { System.out.println(1); }"
    source = f"class Helper {{}}\nclass {name} {{ {main} }}\n"
    assert judge_job(make_job("java", source), sandbox=real_sandbox).verdict is Verdict.ACCEPTED


def test_java_without_an_entry_point_says_so(real_sandbox: Sandbox) -> None:
    result = judge_job(
        make_job("java", "public class Solution { static int f() { return 1; } }\n"), sandbox=real_sandbox
    )
    assert result.verdict is Verdict.COMPILE_ERROR
    assert "No entry point" in result.compile_output


def test_csharp_takes_any_class_and_says_when_main_is_missing(real_sandbox: Sandbox) -> None:
    ok = "public class Solution { public static void Main() { System.Console.WriteLine(1); } }\n"
    assert judge_job(make_job("csharp", ok), sandbox=real_sandbox).verdict is Verdict.ACCEPTED
    result = judge_job(make_job("csharp", "public class Solution { }\n"), sandbox=real_sandbox)
    assert result.verdict is Verdict.COMPILE_ERROR
    assert "CS5001" in result.compile_output  # "does not contain a static `Main' method"


@pytest.mark.parametrize(
    ("name", "language"),
    [
        ("sol.cpp", "cpp"),
        ("sol.cc", "cpp"),
        ("sol.cpp20.cpp", "cpp20"),
        ("sol.py", "python3"),
        ("sol.pypy3.py", "pypy3"),
        ("main.go", "go"),
        ("main.rs", "rust"),
        ("a.js", "javascript"),
        ("a.ts", "typescript"),
        ("A.cs", "csharp"),
        ("a.rb", "ruby"),
        ("a.php", "php"),
        ("a.hs", "haskell"),
        ("v1.2.py", "python3"),  # a dot in the name is not a language
    ],
)
def test_file_names_pick_the_language(name: str, language: str) -> None:
    assert language_for_path(name).key == language


def test_toolchain_host_paths_are_the_languages() -> None:
    paths = dict(host_paths())
    assert any(path.startswith("/etc/java-") for path in paths)  # REGISTRY["java"] declares it
    assert paths["/var/lib/ghc/package.conf.d"] == "/opt/ghc/package.conf.d"  # GHC's, not under /var/lib
    assert all(host.startswith("/") and box.startswith("/") for host, box in paths.items())
    assert REGISTRY["cpp"].host_paths == ()  # C++ needs nothing besides /usr
