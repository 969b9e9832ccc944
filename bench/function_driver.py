"""What the generated driver of a function-style problem costs per test, per language, on this machine.

    .venv/bin/python bench/function_driver.py [--tests 15] [--runs 3] [--lang cpp python3 ...]

The same trivial problem (add two ints) is judged twice per language in the same run: as a function
(`add(a, b)`, the user's code wrapped with the generated driver, stdin in the wire format) and as an
ordinary stdin program. Each judging runs `--tests` tests in the sandbox; the per-test CPU and wall
times are pooled over `--runs` judgings (compiles are cached and not counted) and the medians compared:
the ratio is function / stdin. Languages with a driver but no solution below are listed as skipped.
Numbers vary with load on a shared host: both variants of a language run back to back, alternating.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "rce-engine"))

from algocode_contracts import JudgeLimits, SubmissionCreated, TestCase, Verdict  # noqa: E402
from algocode_contracts.functions.languages import LANGUAGES_WITH_DRIVERS  # noqa: E402
from rce_engine.conf import JudgeConfig  # noqa: E402
from rce_engine.judge import BinaryCache, judge_job_report  # noqa: E402
from rce_engine.judge.setup import setup_host  # noqa: E402
from rce_engine.sandbox import get_sandbox  # noqa: E402

SIGNATURE = {
    "function": {
        "name": "add",
        "params": [{"name": "a", "type": "int"}, {"name": "b", "type": "int"}],
        "returns": "long",
    }
}

# language -> (function-only solution, stdin program)
SOLUTIONS = {
    "c": (
        "long long add(int a, int b) { return (long long)a + b; }\n",
        '#include <stdio.h>\nint main(void) { long long a, b; scanf("%lld %lld", &a, &b); '
        'printf("%lld\\n", a + b); return 0; }\n',
    ),
    "cpp": (
        "class Solution {\npublic:\n    long long add(int a, int b) { return (long long)a + b; }\n};\n",
        "#include <bits/stdc++.h>\nusing namespace std;\nint main() { long long a, b; cin >> a >> b; "
        "cout << a + b << endl; }\n",
    ),
    "java": (
        "class Solution {\n    public long add(int a, int b) { return (long) a + b; }\n}\n",
        "import java.util.*;\npublic class Main {\n    public static void main(String[] args) {\n"
        "        Scanner in = new Scanner(System.in);\n        long a = in.nextLong(), b = in.nextLong();\n"
        "        System.out.println(a + b);\n    }\n}\n",
    ),
    "python3": (
        "class Solution:\n    def add(self, a: int, b: int) -> int:\n        return a + b\n",
        "a, b = map(int, input().split())\nprint(a + b)\n",
    ),
}
SOLUTIONS["cpp20"] = SOLUTIONS["cpp"]
SOLUTIONS["pypy3"] = SOLUTIONS["python3"]

LIMITS = JudgeLimits(time_limit_ms=5000, memory_limit_kib=256 * 1024, output_limit_kib=1024)


def job(language: str, source: str, *, function: bool, tests: int) -> SubmissionCreated:
    cases = [
        TestCase(
            name=f"{i}",
            input=f"{i}\n{i * 7}\n" if function else f"{i} {i * 7}\n",
            answer=f"{i * 8}" if function else f"{i * 8}\n",
        )
        for i in range(1, tests + 1)
    ]
    return SubmissionCreated(
        submission_id=uuid.uuid4(),
        language=language,
        source=source,
        limits=LIMITS,
        tests=cases,
        stop_on_first_failure=False,
        created_at=datetime.now(UTC),
        function=SIGNATURE if function else None,
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tests", type=int, default=15)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--lang", nargs="*", default=None)
    args = parser.parse_args()
    config = JudgeConfig.from_env()
    for _ in setup_host(config):
        pass
    sandbox = get_sandbox(config)
    sandbox.check()
    cache = BinaryCache.from_config(config)
    languages = [key for key in LANGUAGES_WITH_DRIVERS if args.lang is None or key in args.lang]
    print(f"{args.tests} tests x {args.runs} runs per variant; medians per test in ms")
    header = ("language", "fn cpu", "stdin cpu", "ratio", "fn wall", "stdin wall", "ratio")
    print("{:<11} {:>7} {:>9} {:>6}   {:>7} {:>10} {:>6}".format(*header))
    for language in languages:
        if language not in SOLUTIONS:
            print(f"{language:<11} skipped: no solution in bench/function_driver.py")
            continue
        function_source, stdin_source = SOLUTIONS[language]
        times: dict[bool, tuple[list[int], list[int]]] = {True: ([], []), False: ([], [])}
        for _ in range(args.runs):
            for function in (True, False):
                source = function_source if function else stdin_source
                report = judge_job_report(
                    job(language, source, function=function, tests=args.tests), sandbox=sandbox, cache=cache
                )
                if report.result.verdict is not Verdict.ACCEPTED:
                    print(
                        f"{language}: {'function' if function else 'stdin'} variant: {report.result.message}"
                    )
                    print(report.result.compile_output[:2000])
                    return 1
                times[function][0].extend(t.time_ms for t in report.result.tests)
                times[function][1].extend(t.wall_ms for t in report.result.tests)
        fn_cpu, fn_wall = (statistics.median(x) for x in times[True])
        in_cpu, in_wall = (statistics.median(x) for x in times[False])
        print(
            f"{language:<11} {fn_cpu:7.1f} {in_cpu:9.1f} {fn_cpu / max(in_cpu, 1):6.2f}   "
            f"{fn_wall:7.1f} {in_wall:10.1f} {fn_wall / max(in_wall, 1):6.2f}",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
