"""Fairness benchmark (threat-model.md #44): sleepers of three users against a fourth user's small C++.

Starts a platform with tests/e2e/platform.py (2 judge workers, 2 sandbox slots, the default in-flight cap of
1 submission per user) and measures, in the same run, the fourth user's submit→verdict latency for small
C++ solutions (Sqrt(x), each made unique so that it really compiles), one at a time:
  1. quiet: nobody else submits;
  2. shared: three other users submit the same small solutions as fast as the token bucket and the
     in-flight cap allow (on 429 they wait its Retry-After; on 201 they wait for the verdict and submit
     again): what sharing the judge with busy honest users costs;
  3. sleepers: the three submit a sleeper the same way instead. It sleeps just under the wall limit
     (1.5 s for Sqrt(x)'s 1 s) on every test, then answers correctly.
Prints p50/p95 of each, their ratios to quiet (target: sleepers p95 <= 2 x quiet p95), and the others'
verdicts.
The bucket refills every 2 s here (20 s by default): the sleepers are held back by the cap, not the bucket.

    .venv/bin/python bench/fairness.py [--samples 12]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
import uuid
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from e2e.platform import Platform  # noqa: E402
from load import ms, pct  # noqa: E402

SMALL = (ROOT / "problems" / "sqrt-x" / "submissions" / "accepted" / "original_readme.cpp").read_text()
SLEEPER = """
#include <iostream>
#include <unistd.h>
int main() {
    usleep(1450 * 1000);  // just under the 1.5 s wall limit of every test
    long long t, x;
    std::cin >> t;
    while (t--) {
        std::cin >> x;
        long long r = 0;
        while ((r + 1) * (r + 1) <= x) ++r;
        std::cout << r << "\\n";
    }
}
"""
REFILL_SECONDS = 2.0


def unique(code: str) -> str:
    return f"{code}\n// {uuid.uuid4().hex}\n"


def submit_until_accepted(platform: Platform, token: str, code: str, stop: threading.Event) -> str | None:
    """Submit, waiting out 429s (bucket or in-flight cap) as Retry-After says; the submission id."""
    while not stop.is_set():
        r = platform.submit(token, unique(code))
        if r.status_code == 201:
            return r.json()["result"]["submission_id"]
        if r.status_code != 429:
            raise RuntimeError(f"submit: {r.status_code} {r.text[:200]}")
        stop.wait(float(r.headers.get("Retry-After", "1")))
    return None


def to_verdict(platform: Platform, token: str) -> float:
    """One small C++ submission: seconds from the accepted submit to its verdict."""
    stop = threading.Event()
    sid = submit_until_accepted(platform, token, SMALL, stop)
    assert sid is not None
    t0 = time.monotonic()
    data = platform.result(token, sid)
    if data["verdict"] != "AC":
        raise RuntimeError(f"the small solution got {data['verdict']}: {data['message']}")
    return time.monotonic() - t0


def other_user(
    platform: Platform, token: str, code: str, stop: threading.Event, verdicts: Counter[str]
) -> None:
    while not stop.is_set():
        sid = submit_until_accepted(platform, token, code, stop)
        if sid is None:
            return
        verdicts[platform.result(token, sid)["verdict"]] += 1


def beside(
    platform: Platform, victim: str, others: list[str], code: str, samples: int
) -> tuple[list[float], Counter[str]]:
    """The victim's submit→verdict times while the other users keep submitting `code`."""
    stop, verdicts = threading.Event(), Counter[str]()
    threads = [
        threading.Thread(target=other_user, args=(platform, token, code, stop, verdicts)) for token in others
    ]
    for thread in threads:
        thread.start()
    time.sleep(3)  # the others' first submissions are judging
    times = [to_verdict(platform, victim) for _ in range(samples)]
    stop.set()
    for thread in threads:
        thread.join(120)
    return times, verdicts


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--samples", type=int, default=12, help="small submissions per phase")
    args = parser.parse_args()
    platform = Platform(
        var=Path(tempfile.mkdtemp(prefix="algocode-fairness-")),
        workers=2,
        slots=2,
        rate_limit_capacity=3,
        in_flight_per_user=1,
        cm_extra_env={"RATE_LIMIT_REFILL_SECONDS": str(REFILL_SECONDS)},
    )
    try:
        t0 = time.monotonic()
        platform.start()
        print(f"platform up in {time.monotonic() - t0:.0f} s; logs in {platform.var / 'log'}")
        victim = platform.register_and_login()
        others = [platform.register_and_login() for _ in range(3)]

        to_verdict(platform, victim)  # warm-up: the first compile fills the judge's caches
        quiet = [to_verdict(platform, victim) for _ in range(args.samples)]

        shared, honest = beside(platform, victim, others, SMALL, args.samples)
        loaded, verdicts = beside(platform, victim, others, SLEEPER, args.samples)
    finally:
        platform.stop()

    print(f"fourth user's submit→verdict, {args.samples} small C++ submissions per phase:")
    print(f"  quiet:             p50 {ms(pct(quiet, 0.5))}  p95 {ms(pct(quiet, 0.95))}")
    for name, times in (("3 honest users", shared), ("3 sleepers", loaded)):
        p50, p95 = pct(times, 0.5) / pct(quiet, 0.5), pct(times, 0.95) / pct(quiet, 0.95)
        print(
            f"  with {name + ':':<16} p50 {ms(pct(times, 0.5))}  p95 {ms(pct(times, 0.95))}"
            f"  (ratio to quiet: p50 {p50:.2f}  p95 {p95:.2f})"
        )
    print(f"  the others' verdicts meanwhile: honest {dict(honest)}, sleepers {dict(verdicts)}")


if __name__ == "__main__":
    main()
