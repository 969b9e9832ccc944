"""Judge speed on this machine, printed (no assertions; numbers vary with load on a shared 2-core host).

    sudo .venv/bin/python bench/judge_speed.py [--runs 7]

1. Compiling a typical `bits/stdc++.h` solution inside a box: plain g++ vs. with the precompiled header
   (median of N each), and a binary-cache hit (median), with the PCH/plain ratio (target <= 40 %) and the
   cache hit (target <= 10 ms).
2. A 50-test submission judged end to end by judge_job (box, cached compile, 50 runs, checks), total and
   per test, vs. the bare sum of running the same binary 50 times with subprocess and no sandbox.
"""

from __future__ import annotations

import argparse
import math
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
from rce_engine.judge import BinaryCache, judge_job  # noqa: E402
from rce_engine.judge.service import compile_in_box  # noqa: E402
from rce_engine.judge.setup import setup_host  # noqa: E402
from rce_engine.languages import REGISTRY  # noqa: E402
from rce_engine.languages.cpp import FLAGS  # noqa: E402
from rce_engine.sandbox import get_sandbox  # noqa: E402

SOLUTION = """#include <bits/stdc++.h>
using namespace std;
int main() {
    ios::sync_with_stdio(false);
    cin.tie(nullptr);
    int t;
    cin >> t;
    vector<long long> xs(t);
    for (auto &x : xs) cin >> x;
    map<long long, int> seen;
    for (long long x : xs) {
        long long lo = 0, hi = 46341;
        while (lo < hi) {
            long long mid = (lo + hi + 1) / 2;
            if (mid * mid <= x) lo = mid; else hi = mid - 1;
        }
        seen[lo]++;
        cout << lo << '\\n';
    }
}
"""


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f} ms"


def median_of(samples: list[float]) -> float:
    return statistics.median(samples)


def bench_compile(sandbox, cache: BinaryCache, runs: int) -> None:
    cpp = REGISTRY["cpp"]
    plain_argv = ("g++", *FLAGS, "-o", "main", "main.cpp")
    pch_argv = cpp.compile_steps[0].argv
    plain, pch, hits = [], [], []
    with sandbox.open_box() as box:
        box.write_file("main.cpp", SOLUTION.encode())
        box.run(pch_argv, limits=cpp.compile_limits)  # warm the page cache for both
        for _ in range(runs):
            for argv, samples in ((plain_argv, plain), (pch_argv, pch)):
                started = time.perf_counter()
                result = box.run(argv, limits=cpp.compile_limits)
                samples.append(time.perf_counter() - started)
                if not result.ok:
                    raise SystemExit(f"compile failed: {result.stderr[-500:]!r}")
        compile_in_box(box, cpp, SOLUTION, cache, backend=sandbox.name)  # fill the cache
        for _ in range(max(20, runs)):
            started = time.perf_counter()
            outcome = compile_in_box(box, cpp, SOLUTION, cache, backend=sandbox.name)
            hits.append(time.perf_counter() - started)
            assert outcome.cache_hit
    print(f"compile, plain g++ (median of {runs})      {ms(median_of(plain))}")
    print(f"compile, with the PCH (median of {runs})   {ms(median_of(pch))}")
    print(f"  PCH / plain {'':24} {median_of(pch) / median_of(plain) * 100:8.1f} %   (target <= 40 %)")
    print(f"cache hit (median of {len(hits)})              {ms(median_of(hits))}   (target <= 10 ms)")


def bench_fifty_tests(sandbox, cache: BinaryCache, runs: int) -> None:
    values = [(i, i * i, i * 1000 + 7) for i in range(50)]
    tests = [
        TestCase(
            name=f"t{i}",
            input="3\n" + "".join(f"{x}\n" for x in xs),
            answer="".join(f"{math.isqrt(x)}\n" for x in xs),
        )
        for i, xs in enumerate(values)
    ]

    def job() -> SubmissionCreated:
        return SubmissionCreated(
            submission_id=uuid.uuid4(),
            language="cpp",
            source=SOLUTION,
            limits=JudgeLimits(time_limit_ms=1000, memory_limit_kib=256 * 1024),
            tests=tests,
            created_at=datetime.now(UTC),
        )

    totals = []
    for _ in range(runs):
        started = time.perf_counter()
        result = judge_job(job(), sandbox=sandbox, cache=cache)
        totals.append(time.perf_counter() - started)
        if result.verdict is not Verdict.ACCEPTED:
            raise SystemExit(f"unexpected verdict: {result.message}")

    with tempfile.TemporaryDirectory() as tmp:
        binary = Path(tmp) / "main"
        source = Path(tmp) / "main.cpp"
        source.write_text(SOLUTION)
        subprocess.run(["g++", *FLAGS, "-o", str(binary), str(source)], check=True)
        bare = []
        for _ in range(runs):
            started = time.perf_counter()
            for test in tests:
                subprocess.run([str(binary)], input=test.input.encode(), capture_output=True, check=True)
            bare.append(time.perf_counter() - started)

    total, baseline = median_of(totals), median_of(bare)
    print(f"50-test submission, judge_job end to end (cached compile, median of {runs})")
    print(f"  total                                {ms(total)}   per test {ms(total / 50)}")
    print(f"  bare: the binary 50x, no sandbox     {ms(baseline)}   per test {ms(baseline / 50)}")
    print(f"  judge overhead per test {'':12} {ms((total - baseline) / 50)}   ({total / baseline:.1f}x bare)")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    config = JudgeConfig.from_env()
    for _ in setup_host(config):
        pass
    sandbox = get_sandbox(config)
    sandbox.check()
    print(f"sandbox: {config.sandbox}; g++: {REGISTRY['cpp'].compiler_version()}")
    with tempfile.TemporaryDirectory() as tmp:
        cache = BinaryCache(Path(tmp) / "cache")
        bench_compile(sandbox, cache, args.runs)
        bench_fifty_tests(sandbox, cache, args.runs)


if __name__ == "__main__":
    main()
