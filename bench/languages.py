"""Per language, in one run (issue 10): compile time of a hello-world (median), run time of the compiled
hello in the native box vs bare on the host (the same argv, files and environment), and the peak memory
of an empty program as the judge reports it.

Run as root from the repository root: `.venv/bin/python bench/languages.py [--compiles 3] [--runs 20]`.
Prints a Markdown table (docs/benchmarks.md) and the box-vs-bare overhead in ms and as a ratio; no
assertions. Uses the judge home of this checkout (`make setup` built its helper and headers).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "rce-engine"))

from algocode_contracts import JudgeLimits, SubmissionCreated, TestCase, Verdict  # noqa: E402
from rce_engine.conf import JudgeConfig  # noqa: E402
from rce_engine.judge import judge_job  # noqa: E402
from rce_engine.judge.service import compile_in_box  # noqa: E402
from rce_engine.languages import REGISTRY, Language  # noqa: E402
from rce_engine.sandbox import get_sandbox  # noqa: E402
from rce_engine.sandbox.base import BASE_ENV, Box, Limits, Sandbox  # noqa: E402

HELLO = {
    "c": '#include <stdio.h>\nint main(void) { puts("hello"); return 0; }\n',
    "cpp": '#include <iostream>\nint main() { std::cout << "hello\\n"; }\n',
    "cpp20": '#include <iostream>\nint main() { std::cout << "hello\\n"; }\n',
    "python3": 'print("hello")\n',
    "pypy3": 'print("hello")\n',
    "java": 'public class Main { public static void main(String[] a) { System.out.println("hello"); } }\n',
    "go": 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n',
    "rust": 'fn main() { println!("hello"); }\n',
    "javascript": 'console.log("hello");\n',
    "typescript": 'const greeting: string = "hello";\nconsole.log(greeting);\n',
    "csharp": 'class P { static void Main() { System.Console.WriteLine("hello"); } }\n',
    "ruby": 'puts "hello"\n',
    "php": '<?php\necho "hello\\n";\n',
    "haskell": 'main :: IO ()\nmain = putStrLn "hello"\n',
}
EMPTY = {
    "c": "int main(void) { return 0; }\n",
    "cpp": "int main() {}\n",
    "cpp20": "int main() {}\n",
    "python3": "pass\n",
    "pypy3": "pass\n",
    "java": "public class Main { public static void main(String[] a) {} }\n",
    "go": "package main\n\nfunc main() {}\n",
    "rust": "fn main() {}\n",
    "javascript": "\n",
    "typescript": "export {};\n",
    "csharp": "class P { static void Main() {} }\n",
    "ruby": "\n",
    "php": "<?php\n",
    "haskell": "main :: IO ()\nmain = return ()\n",
}
LIMITS = JudgeLimits(time_limit_ms=5000, memory_limit_kib=256 * 1024, output_limit_kib=1024)


def median_ms(values: list[float]) -> float:
    return statistics.median(values) * 1000


def compile_times(sandbox: Sandbox, language: Language, runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        with sandbox.open_box() as box:
            outcome = compile_in_box(box, language, HELLO[language.key], None)
            if not outcome.ok:
                sys.exit(f"{language.key}: hello-world does not compile: {outcome.output[:500]}")
            times.append(outcome.seconds)
    return times


def box_and_bare(sandbox: Sandbox, language: Language, runs: int) -> tuple[list[float], list[float]]:
    """The compiled hello run `runs` times in one box and bare on the host, interleaved (load hits both)."""
    spec = language.run_spec(cpu_time_s=5.0, memory_bytes=256 * 1024 * 1024, output_bytes=1024 * 1024)
    env = {**BASE_ENV, **spec.env}
    with tempfile.TemporaryDirectory(prefix="algocode-bench-lang-") as tmp, sandbox.open_box() as box:
        compile_in_box(box, language, HELLO[language.key], None)
        artifact = box.read_file(language.artifact, max_bytes=256 * 1024 * 1024)
        assert artifact is not None
        work = Path(tmp)
        (work / language.artifact).write_bytes(artifact)
        os.chmod(work / language.artifact, 0o700)  # the host runs it as root
        host_env = {**env, "HOME": tmp, "TMPDIR": tmp}
        in_box: list[float] = []
        bare: list[float] = []
        for _ in range(3):  # warm-up: page cache, JIT caches
            _run_in(box, spec.argv, spec.limits, spec.env)
            subprocess.run(spec.argv, cwd=work, env=host_env, stdout=subprocess.DEVNULL, check=True)
        for _ in range(runs):
            in_box.append(_run_in(box, spec.argv, spec.limits, spec.env))
            started = time.perf_counter()
            subprocess.run(spec.argv, cwd=work, env=host_env, stdout=subprocess.DEVNULL, check=True)
            bare.append(time.perf_counter() - started)
    return in_box, bare


def _run_in(box: Box, argv: tuple[str, ...], limits: Limits, env: dict[str, str]) -> float:
    started = time.perf_counter()
    result = box.run(argv, limits=limits, env=env)
    elapsed = time.perf_counter() - started
    if not result.ok or result.stdout != b"hello\n":
        sys.exit(f"unexpected result in the box: {result}")
    return elapsed


def empty_peak_kib(sandbox: Sandbox, language: Language) -> int:
    job = SubmissionCreated(
        submission_id=uuid.uuid4(),
        language=language.key,
        source=EMPTY[language.key],
        limits=LIMITS,
        tests=[TestCase(name="1", input="", answer=None)],
        created_at=datetime.now(UTC),
    )
    result = judge_job(job, sandbox=sandbox)
    if result.verdict is not Verdict.ACCEPTED:
        sys.exit(f"{language.key}: the empty program was not accepted: {result.message}")
    return result.max_memory_kib


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--compiles", type=int, default=3)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("languages", nargs="*", default=list(REGISTRY))
    args = parser.parse_args()
    if os.geteuid() != 0:
        sys.exit("run as root (the native sandbox drops to slot uids)")
    sandbox = get_sandbox(JudgeConfig.from_env())
    sandbox.check()
    print(f"kernel {os.uname().release}, {os.cpu_count()} CPUs, load {os.getloadavg()[0]:.2f}")
    print(
        "| language | compile hello (median) | run in box (median) | run bare (median) | box - bare | ratio |"
        " empty program peak |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for key in args.languages:
        language = REGISTRY[key]
        compiled = median_ms(compile_times(sandbox, language, args.compiles)) if language.compiled else 0.0
        in_box, bare = box_and_bare(sandbox, language, args.runs)
        box_ms, bare_ms = median_ms(in_box), median_ms(bare)
        peak = empty_peak_kib(sandbox, language)
        print(
            f"| {key} | {compiled:.0f} ms | {box_ms:.1f} ms | {bare_ms:.1f} ms | {box_ms - bare_ms:+.1f} ms |"
            f" {box_ms / bare_ms:.2f}x | {peak / 1024:.1f} MiB |",
            flush=True,
        )


if __name__ == "__main__":
    main()
