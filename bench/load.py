"""Load benchmark: many simulated users against the whole platform, and the raw judge in the same run.

Starts a platform with tests/e2e/platform.py (private Redis and RabbitMQ; 2 judge workers of 2 threads each
sharing one judge home, so 4 judging threads on 2 sandbox slots, as `make up` runs them), then:
  1. users register, verify their e-mail and log in (timed);
  2. each user submits a mix of Sqrt(x) solutions (AC, WA, TLE, CE, RE from problems/sqrt-x/submissions,
     every source made unique so that every submission really compiles), polls result/check until the
     verdict, checks it once more (a client refreshing), thinks, and submits again. A few extra users flood
     the submit endpoint to get the intended 429s (the bucket is sized so the others never see one);
  3. with the platform idle: submit→verdict of a small C++ submission, one at a time;
  4. the raw judge: the same submissions through rce_engine.judge.judge_job in the same native sandbox
     (same judge home, same 2 slots, same 4 judging threads), no HTTP, no broker, no database.
Prints judged submissions per minute for 2 and 4, their ratio (the platform's overhead), submit→verdict
p50/p95/p99, result-check p50/p99, login/registration latencies and error counts.

    .venv/bin/python bench/load.py [--users 24] [--per-user 4] [--flooders 2] [--seed S]
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from e2e.platform import Platform  # noqa: E402

from algocode_contracts import language_for_filename  # noqa: E402
from algocode_contracts.package import read_package  # noqa: E402
from rce_engine.conf import JudgeConfig  # noqa: E402
from rce_engine.judge import BinaryCache, judge_job  # noqa: E402
from rce_engine.sandbox import get_sandbox  # noqa: E402

SQRT = ROOT / "problems" / "sqrt-x"
PASSWORD = "a-Long-passw0rd!"  # noqa: S105 (throw-away users of a private platform)
# The traffic of the first release's languages, so that figures stay comparable from run to run.
LOAD_LANGUAGES = ("cpp", "c", "python3", "java")
# (folder, expected verdict, weight): mostly accepted, like a real judge's traffic.
MIX = [("accepted", "AC", 40), ("wrong_answer", "WA", 20), ("time_limit_exceeded", "TLE", 10)]
MIX += [("compile_error", "CE", 15), ("run_time_error", "RE", 15)]
REFILL_SECONDS = 2.0


@dataclass(frozen=True)
class Source:
    path: Path
    lang: str
    expected: str

    def unique(self) -> str:
        """The file with a unique comment: a new cache key, so the judge compiles it like a new submission."""
        marker = f"load {uuid.uuid4().hex}"
        text = self.path.read_text()
        return text + (f"\n# {marker}\n" if self.lang == "python3" else f"\n// {marker}\n")


def sources() -> list[tuple[Source, int]]:
    weighted = []
    for folder, verdict, weight in MIX:
        files = sorted(
            p
            for p in (SQRT / "submissions" / folder).iterdir()
            if language_for_filename(p.name) in LOAD_LANGUAGES
        )
        weighted += [
            (Source(p, language_for_filename(p.name) or "", verdict), weight / len(files)) for p in files
        ]
    return weighted


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


@dataclass
class Stats:
    lock: threading.Lock = field(default_factory=threading.Lock)
    register: list[float] = field(default_factory=list)
    login: list[float] = field(default_factory=list)
    submit: list[float] = field(default_factory=list)
    to_verdict: list[float] = field(default_factory=list)
    check_waiting: list[float] = field(default_factory=list)  # checks while the verdict was pending
    check_judged: list[float] = field(default_factory=list)  # re-checks of a judged submission
    verdicts: Counter[str] = field(default_factory=Counter)
    statuses: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)
    judged: list[tuple[Source, float, float]] = field(default_factory=list)  # (source, submitted, verdict at)
    flood_judged: list[tuple[Source, float, float]] = field(default_factory=list)  # flooders' accepted ones
    intended_429: int = 0

    def add(self, name: str, value: float) -> None:
        with self.lock:
            getattr(self, name).append(value)

    def error(self, text: str) -> None:
        with self.lock:
            self.errors.append(text)


class User:
    def __init__(self, platform: Platform, stats: Stats) -> None:
        self.platform, self.stats = platform, stats
        self.name = f"load{uuid.uuid4().hex[:10]}"
        self.token = ""
        self.waiting: list[threading.Thread] = []

    def join(self) -> None:
        """Register, verify the e-mail, log in: each step timed."""
        auth, email = self.platform.auth_url, f"{self.name}@example.com"
        t0 = time.monotonic()
        r = requests.post(
            f"{auth}/registration/",
            json={"username": self.name, "email": email, "password1": PASSWORD, "password2": PASSWORD}
            | {"first_name": "Load", "last_name": "User"},
            timeout=60,
        )
        self.stats.add("register", time.monotonic() - t0)
        if r.status_code != 201:
            raise RuntimeError(f"registration: {r.status_code} {r.text[:200]}")
        r = requests.post(
            f"{auth}/registration/verify-email/", json={"key": self.platform.mail_key(email)}, timeout=60
        )
        if r.status_code != 200:
            raise RuntimeError(f"verify: {r.status_code} {r.text[:200]}")
        t0 = time.monotonic()
        r = requests.post(f"{auth}/login/", json={"email": email, "password": PASSWORD}, timeout=60)
        self.stats.add("login", time.monotonic() - t0)
        if r.status_code != 200:
            raise RuntimeError(f"login: {r.status_code} {r.text[:200]}")
        self.token = r.json()["access"]

    def _headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def submit_and_wait(self, source: Source) -> None:
        cm, stats = self.platform.cm_url, self.stats
        t0 = time.monotonic()
        r = requests.post(
            f"{cm}/code/submit/",
            json={
                "problem_id": "f17f511a-8c53-41d3-b750-7673d25835af",
                "lang": source.lang,
                "code": source.unique(),
            },
            headers=self._headers(),
            timeout=60,
        )
        stats.add("submit", time.monotonic() - t0)
        with stats.lock:
            stats.statuses[f"submit {r.status_code}"] += 1
        if r.status_code != 201:
            stats.error(f"submit: {r.status_code} {r.text[:200]}")
            return
        sid = r.json()["result"]["submission_id"]
        deadline = t0 + 600
        while time.monotonic() < deadline:
            c0 = time.monotonic()
            r = requests.get(f"{cm}/result/check/{sid}/", headers=self._headers(), timeout=60)
            with stats.lock:
                stats.statuses[f"check {r.status_code}"] += 1
            if r.status_code == 200:
                done = time.monotonic()
                stats.add("check_waiting", done - c0)
                verdict = r.json()["data"]["verdict"]
                with stats.lock:
                    stats.verdicts[verdict] += 1
                    stats.to_verdict.append(done - t0)
                    stats.judged.append((source, t0, done))
                if verdict != source.expected:
                    stats.error(f"{source.path.name}: {verdict}, expected {source.expected}")
                c0 = time.monotonic()
                again = requests.get(f"{cm}/result/check/{sid}/", headers=self._headers(), timeout=60)
                stats.add("check_judged", time.monotonic() - c0)
                if again.status_code != 200:
                    stats.error(f"re-check: {again.status_code}")
                return
            stats.add("check_waiting", time.monotonic() - c0)
            if r.status_code != 202:
                stats.error(f"check: {r.status_code} {r.text[:200]}")
                time.sleep(1)
        stats.error(f"no verdict for {sid}")

    def flood(self, count: int, source: Source) -> None:
        """Submit as fast as possible: past the bucket's capacity every answer must be a clean 429."""
        for _ in range(count):
            r = requests.post(
                f"{self.platform.cm_url}/code/submit/",
                json={"problem_id": "f17f511a-8c53-41d3-b750-7673d25835af", "lang": source.lang}
                | {"code": source.unique()},
                headers=self._headers(),
                timeout=60,
            )
            with self.stats.lock:
                self.stats.statuses[f"flood submit {r.status_code}"] += 1
            if r.status_code == 429:
                with self.stats.lock:
                    self.stats.intended_429 += 1
                if "Retry-After" not in r.headers or "wait_time" not in r.json():
                    self.stats.error(f"429 without Retry-After/wait_time: {r.headers} {r.text[:200]}")
            elif r.status_code == 201:
                # Accepted within the burst: it is a real submission and is judged like any other.
                waiter = threading.Thread(
                    target=self._await, args=(r.json()["result"]["submission_id"], source, time.monotonic())
                )
                waiter.start()
                self.waiting.append(waiter)
            else:
                self.stats.error(f"flood submit: {r.status_code} {r.text[:200]}")

    def _await(self, sid: str, source: Source, submitted: float) -> None:
        data = self.platform.result(self.token, sid, timeout=600)
        with self.stats.lock:
            self.stats.flood_judged.append((source, submitted, time.monotonic()))
        if data["verdict"] != source.expected:
            self.stats.error(f"flood {source.path.name}: {data['verdict']}, expected {source.expected}")


def raw_judge(platform: Platform, picked: list[Source], slots: int, threads: int) -> float:
    """Judge the same submissions with judge_job directly: `threads` threads sharing `slots` sandbox slots
    (the workers' setup, minus HTTP, broker and database); returns the elapsed seconds."""
    config = JudgeConfig.from_env(
        {"ALGOCODE_JUDGE_HOME": str(platform.judge_home), "ALGOCODE_SLOTS": str(slots)}
    )
    sandbox, cache = get_sandbox(config), BinaryCache.from_config(config)
    package = read_package(SQRT)
    jobs = [(s, package.to_job(language=s.lang, source=s.unique())) for s in picked]
    wrong: list[str] = []

    def one(item: tuple[Source, object]) -> None:
        source, job = item
        result = judge_job(job, sandbox=sandbox, cache=cache)
        if result.verdict.value != source.expected:
            wrong.append(f"{source.path.name}: {result.verdict.value}")

    t0 = time.monotonic()
    with ThreadPoolExecutor(threads) as pool:
        list(pool.map(one, jobs))
    elapsed = time.monotonic() - t0
    if wrong:
        print(f"  raw judge verdict mismatches: {wrong}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--users", type=int, default=24)
    parser.add_argument("--per-user", type=int, default=4, help="submissions per user")
    parser.add_argument("--flooders", type=int, default=2, help="extra users that flood submit for 429s")
    parser.add_argument("--idle", type=int, default=10, help="one-at-a-time submissions on the idle platform")
    parser.add_argument("--seed", type=int, default=time.time_ns() % 2**32)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    weighted = sources()
    pick = [
        rng.choices([s for s, _ in weighted], [w for _, w in weighted])[0]
        for _ in range(args.users * args.per_user)
    ]
    slots = 2
    capacity = args.per_user + 1  # normal users never run out; flooders do

    platform = Platform(
        var=Path(tempfile.mkdtemp(prefix="algocode-load-")),
        workers=2,
        slots=slots,
        rate_limit_capacity=capacity,
        cm_extra_env={"RATE_LIMIT_REFILL_SECONDS": str(REFILL_SECONDS)},
    )
    stats = Stats()
    try:
        t0 = time.monotonic()
        platform.start()
        print(
            f"seed {args.seed}; platform up in {time.monotonic() - t0:.0f} s; logs in {platform.var / 'log'}"
        )

        # 1. users join
        users = [User(platform, stats) for _ in range(args.users + args.flooders)]
        idle_user = User(platform, stats)  # its own bucket: the idle phase must not meet the rate limit
        t0 = time.monotonic()
        with ThreadPoolExecutor(8) as pool:
            list(pool.map(User.join, [*users, idle_user]))
        print(f"{len(users) + 1} users registered, verified and logged in in {time.monotonic() - t0:.1f} s")

        # 2. the load
        per_user = [pick[i :: args.users] for i in range(args.users)]

        def session(user: User, todo: list[Source]) -> None:
            time.sleep(rng.uniform(0, 2))  # users do not arrive in lockstep
            for source in todo:
                user.submit_and_wait(source)
                time.sleep(rng.uniform(0.2, 1.5))  # reading the verdict

        flood_source = next(s for s, _ in weighted if s.expected == "CE")
        threads = [
            threading.Thread(target=session, args=(u, todo)) for u, todo in zip(users, per_user, strict=False)
        ]
        threads += [
            threading.Thread(target=u.flood, args=(capacity + 8, flood_source)) for u in users[args.users :]
        ]
        # The raw judge runs right before and right after the load (same submissions, fresh sources): other
        # work on this shared machine drifts, and the mean of the two brackets the platform's run.
        threads_per_run = platform.workers * slots  # each worker judges `slots` jobs at once, on shared slots
        raw_before = raw_judge(platform, pick, slots, threads_per_run)
        load_before = os.getloadavg()[0]
        load_start = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        for user in users:  # flooders' accepted submissions are awaited by their own threads
            for waiter in user.waiting:
                waiter.join()
        load_elapsed = time.monotonic() - load_start
        # Throughput of the users' submissions (the set the raw judge gets) over their busy window, first
        # submit to last verdict. The flooders' accepted submissions are extra work inside that window.
        window = max(done for _, _, done in stats.judged) - min(sub for _, sub, _ in stats.judged)
        users_judged, flood_judged = len(stats.judged), len(stats.flood_judged)
        platform_rate = users_judged / window * 60
        load_during = os.getloadavg()[0]

        # 3. idle latency
        small = next(s for s, _ in weighted if s.path.name == "original_readme.cpp")
        before = len(stats.to_verdict)
        for _ in range(args.idle):
            time.sleep(REFILL_SECONDS)  # one token back: never a 429, and nothing else in flight
            idle_user.submit_and_wait(small)
        idle = stats.to_verdict[before:]
        del stats.to_verdict[before:]

        # 4. raw judge, same submissions, same slots
        raw_after = raw_judge(platform, pick, slots, threads_per_run)
        raw_rate = len(pick) / ((raw_before + raw_after) / 2) * 60
    finally:
        platform.stop()

    errors = stats.errors
    v = stats.to_verdict
    print()
    print(
        f"users: {args.users} x {args.per_user} submissions + {args.flooders} flooders; {slots} sandbox slots"
    )
    print(f"mix judged: {dict(stats.verdicts)}")
    print(f"answers: {dict(sorted(stats.statuses.items()))}")
    print(f"registration p50 {ms(pct(stats.register, 0.5))} p99 {ms(pct(stats.register, 0.99))}")
    print(f"login p50 {ms(pct(stats.login, 0.5))} p99 {ms(pct(stats.login, 0.99))}")
    print(f"submit request p50 {ms(pct(stats.submit, 0.5))} p99 {ms(pct(stats.submit, 0.99))}")
    print(
        f"submit->verdict under load: p50 {ms(pct(v, 0.5))} p95 {ms(pct(v, 0.95))} p99 {ms(pct(v, 0.99))}"
        f" (n={len(v)})"
    )
    print(
        f"result check of a judged submission: p50 {ms(pct(stats.check_judged, 0.5))}"
        f" p99 {ms(pct(stats.check_judged, 0.99))} (n={len(stats.check_judged)});"
        f" all checks incl. waiting ones p99 {ms(pct(stats.check_waiting, 0.99))}"
    )
    print(
        f"platform: {users_judged} users' submissions (+{flood_judged} flooders') judged,"
        f" first submit->last verdict {window:.1f} s = {platform_rate:.1f}"
        f" judged/min (whole load phase incl. arrival and think time: {load_elapsed:.1f} s)"
    )
    print(
        f"raw judge_job, the users' {len(pick)} submissions, {threads_per_run} threads on {slots} slots:"
        f" {raw_before:.1f} s before, {raw_after:.1f} s after the load = {raw_rate:.1f}/min (mean)"
    )
    print(f"1-minute load average: {load_before:.1f} before the load phase, {load_during:.1f} at its end")
    print(f"platform/raw throughput: {platform_rate / raw_rate:.2f} (raw is {raw_rate / platform_rate:.2f}x)")
    print(
        f"idle platform, small C++ submit->verdict: p50 {ms(pct(idle, 0.5))} p95 {ms(pct(idle, 0.95))}"
        f" (n={len(idle)})"
    )
    print(f"intended 429s: {stats.intended_429}; errors: {len(errors)}")
    for e in errors[:20]:
        print(f"  {e}")
    if errors:
        print(f"logs kept in {platform.var / 'log'}")
    else:
        shutil.rmtree(platform.var, ignore_errors=True)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
