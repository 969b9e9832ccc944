"""A 200 MB test set through the real path (ADR 0150), printed (no assertions; a shared host varies).

    sudo .venv/bin/python bench/large_tests.py [--tests 20] [--mib 10] [--port 18410]

1. Writes a package of N tests of M MiB of integers each (plus a sample) in a temp dir.
2. Imports it with `manage.py import_problem` into a private nx-27017: the import time.
3. Serves the code manager with gunicorn on a private port (TEST_DATA_TOKEN set) and builds the job with
   the code manager's own job builder: its size (and a rejudge's).
4. Judges a C++ solution in the native sandbox with the worker's HttpTestData: cold (empty cache: every test
   fetched, verified and cached), warm (nothing fetched), and the rejudge; the result message sizes; the
   bench process's peak RSS (the 200 MB never sits in Python memory at once).
Everything it starts is stopped and its temp dir removed at the end. Kept out of `make test`;
code-manager/tests/test_test_data.py and rce-engine/tests/judge/test_test_data.py run the same path small.
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = ROOT / ".venv" / "bin"
sys.path.insert(0, str(ROOT / "rce-engine"))
sys.path.insert(0, str(ROOT / "code-manager"))

SOLUTION = """#include <bits/stdc++.h>
int main() {
    std::ios::sync_with_stdio(false);
    std::cin.tie(nullptr);
    long long x, sum = 0, count = 0;
    while (std::cin >> x) { sum += x; ++count; }
    std::cout << count << ' ' << sum << '\\n';
}
"""
PROBLEM_ID = "b16b16b1-0000-4000-8000-000000000200"
TOKEN = "bench-large-tests-" + uuid.uuid4().hex


def write_package(root: Path, tests: int, mib: int) -> int:
    """N tests of `mib` MiB of random integers, written 1 MiB at a time; returns the total bytes."""
    (root / "data" / "sample").mkdir(parents=True)
    (root / "data" / "secret").mkdir(parents=True)
    (root / "problem.yaml").write_text(
        f"name: Large sums\nuuid: {PROBLEM_ID}\nlimits: {{time_limit: 5, memory: 256, output: 1}}\n"
    )
    (root / "data" / "sample" / "1.in").write_text("1 2 3\n")
    (root / "data" / "sample" / "1.ans").write_text("3 6\n")
    rng = random.Random(200)
    total = 0
    for n in range(1, tests + 1):
        count = total_sum = written = 0
        with (root / "data" / "secret" / f"{n:02d}.in").open("w") as out:
            while written < mib * 1024 * 1024:
                numbers = [rng.randrange(10**9) for _ in range(10_000)]
                line = " ".join(map(str, numbers)) + "\n"
                out.write(line)
                written += len(line)
                count += len(numbers)
                total_sum += sum(numbers)
        (root / "data" / "secret" / f"{n:02d}.ans").write_text(f"{count} {total_sum}\n")
        total += written
    return total


def wait_http(url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while True:
        try:
            urllib.request.urlopen(url, timeout=2).close()  # noqa: S310 - our own http://127.0.0.1 URL
            return
        except OSError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.3)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--tests", type=int, default=20)
    parser.add_argument("--mib", type=int, default=10)
    parser.add_argument("--port", type=int, default=18410, help="gunicorn; the Mongo server takes port + 1")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="algocode-bench-large-"))
    processes: list[subprocess.Popen[bytes]] = []
    try:
        return run(args, work, processes)
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            process.wait(timeout=30)
        shutil.rmtree(work, ignore_errors=True)


def run(args: argparse.Namespace, work: Path, processes: list[subprocess.Popen[bytes]]) -> int:
    mongo_port = args.port + 1
    env = {
        **{k: v for k, v in os.environ.items() if k in ("PATH", "HOME", "LANG")},
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "MONGO_URL": f"mongodb://127.0.0.1:{mongo_port}",
        "MONGO_DB": "bench",
        "CODE_MANAGER_BIND": f"127.0.0.1:{args.port}",
        "GUNICORN_WORKERS": "2",
        "TEST_DATA_TOKEN": TOKEN,
        "LOG_LEVEL": "WARNING",
    }
    package = work / "large-sums"
    started = time.monotonic()
    size = write_package(package, args.tests, args.mib)
    written_s = time.monotonic() - started
    print(f"package: {args.tests} tests, {size / 2**20:.0f} MiB of input, written in {written_s:.1f} s")

    mongo = work / "mongo"
    mongo.mkdir()
    processes.append(
        subprocess.Popen(
            [str(BIN / "nx-27017"), "--host", "127.0.0.1", "-p", str(mongo_port), "--data-dir", str(mongo),
             "--log-file", str(work / "nx.log"), "--pid-file", str(work / "nx.pid")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
    )  # fmt: skip
    time.sleep(1.5)
    started = time.monotonic()
    subprocess.run(
        [str(BIN / "python"), "manage.py", "import_problem", str(package)],
        cwd=ROOT / "code-manager", env=env, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    import_s = time.monotonic() - started
    print(f"import (hash + store in 1 MiB chunks): {import_s:.1f} s ({size / 2**20 / import_s:.0f} MiB/s)")
    started = time.monotonic()
    subprocess.run(
        [str(BIN / "python"), "manage.py", "import_problem", str(package)],
        cwd=ROOT / "code-manager", env=env, check=True, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    print(f"import again (every blob already stored): {time.monotonic() - started:.1f} s")

    processes.append(
        subprocess.Popen(
            [str(BIN / "gunicorn"), "-c", "config/gunicorn.py", "config.wsgi:application"],
            cwd=ROOT / "code-manager", env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
    )  # fmt: skip
    wait_http(f"http://127.0.0.1:{args.port}/api/v1/problem/all/")

    os.environ.update(env)
    import django

    django.setup()
    from algocode_contracts import JobKind, Verdict
    from code_manager.problems.selectors import problem_get
    from code_manager.submissions.services import _job
    from rce_engine.conf import JudgeConfig
    from rce_engine.judge import BinaryCache, judge_job
    from rce_engine.judge.setup import setup_host
    from rce_engine.judge.testdata import HttpTestData
    from rce_engine.sandbox import get_sandbox

    problem = problem_get(problem_id=PROBLEM_ID)
    assert problem is not None
    submission_id = uuid.uuid4()

    def job(attempt: int):  # the code manager's own builder: what submit and rejudge publish
        return _job(
            submission_id=submission_id, attempt=attempt, problem=problem, kind=JobKind.SUBMIT,
            language="cpp", code=SOLUTION, stdin=None, moment=datetime.now(UTC),
        )  # fmt: skip

    first = job(1)
    job_bytes = len(first.model_dump_json(by_alias=True).encode())
    refs = sum(test.input_ref is not None for test in first.tests)
    print(f"job message: {job_bytes} bytes ({len(first.tests)} tests, {refs} by reference)")

    config = JudgeConfig.from_env()
    for _ in setup_host(config):
        pass
    sandbox = get_sandbox(config)
    sandbox.check()
    cache = BinaryCache(work / "binaries")
    data = HttpTestData(
        base_url=f"http://127.0.0.1:{args.port}", token=TOKEN, directory=work / "test-data",
        max_bytes=4 * 1024 * 2**20,
    )  # fmt: skip
    judge_job(first, sandbox=sandbox, cache=cache, data=data)  # compile once, so both runs below are judging

    shutil.rmtree(work / "test-data")
    data = HttpTestData(
        base_url=f"http://127.0.0.1:{args.port}", token=TOKEN, directory=work / "test-data",
        max_bytes=4 * 1024 * 2**20,
    )  # fmt: skip
    largest = job_bytes
    for label, attempt in (("cold (empty cache)", 1), ("warm", 1), ("rejudge (warm)", 2)):
        message = job(attempt)
        largest = max(largest, len(message.model_dump_json(by_alias=True).encode()))
        before = data.fetched_bytes
        started = time.monotonic()
        result = judge_job(message, sandbox=sandbox, cache=cache, data=data)
        seconds = time.monotonic() - started
        result_bytes = len(result.model_dump_json(by_alias=True).encode())
        largest = max(largest, result_bytes)
        fetched = (data.fetched_bytes - before) / 2**20
        print(
            f"judge {label}: {seconds:.1f} s, {result.verdict.value} {result.passed}/{result.total}, "
            f"fetched {fetched:.0f} MiB, result message {result_bytes} bytes"
        )
        if result.verdict is not Verdict.ACCEPTED:
            print(f"  unexpected: {result.message}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"largest message: {largest} bytes; bench process peak RSS: {peak:.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
