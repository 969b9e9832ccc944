"""Long-poll benchmark (threat-model.md #52): problem/all/ while 300 result checks of one user wait.

Starts a platform with tests/e2e/platform.py without judge workers (a submission stays pending, so every
result check of it would wait RESULT_WAIT_SECONDS), then measures problem/all/ latency with 4 clients:
  1. idle;
  2. while 300 client threads of one user check that pending submission in a loop, re-checking when
     the answer comes, or after its Retry-After when it has one. Waits are capped per user and per
     gunicorn process; a check beyond the caps answers 202 at once with Retry-After, so the checks
     cannot hold every worker thread. `--ignore-retry-after`: checkers that re-check at once (a flood);
     `--uncapped`: the caps lifted (every check waits, as before ADR 0092), for comparison.
Prints p50/p99 of both and their ratio (target: loaded p99 <= 3 x idle p99), and how the checks ended.

    .venv/bin/python bench/long_poll.py [--checkers 300] [--requests 300] [--ignore-retry-after]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from e2e.platform import Platform  # noqa: E402
from load import ms, pct  # noqa: E402

CLIENTS = 4


def listing_latencies(url: str, count: int) -> list[float]:
    def one(_: int) -> float:
        t0 = time.monotonic()
        r = requests.get(url, timeout=60)
        elapsed = time.monotonic() - t0
        if r.status_code != 200:
            raise RuntimeError(f"problem/all/: {r.status_code}")
        return elapsed

    with ThreadPoolExecutor(CLIENTS) as pool:
        return list(pool.map(one, range(count)))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--checkers", type=int, default=300, help="result-check threads of one user")
    parser.add_argument("--requests", type=int, default=300, help="problem/all/ requests per phase")
    parser.add_argument("--ignore-retry-after", action="store_true", help="checkers re-check at once")
    parser.add_argument("--uncapped", action="store_true", help="lift the wait caps (the old behaviour)")
    args = parser.parse_args()
    uncapped = {"RESULT_WAITERS_PER_USER": "100000", "RESULT_WAITERS_PER_PROCESS": "100000"}
    platform = Platform(
        var=Path(tempfile.mkdtemp(prefix="algocode-longpoll-")),
        workers=0,
        cm_extra_env=uncapped if args.uncapped else {},
    )
    statuses: Counter[int | str] = Counter()
    lock = threading.Lock()
    errors: list[str] = []
    try:
        t0 = time.monotonic()
        platform.start()
        print(f"platform up in {time.monotonic() - t0:.0f} s; logs in {platform.var / 'log'}")
        token = platform.register_and_login()
        r = platform.submit(token, "int main() {}")
        assert r.status_code == 201, r.text
        check_url = f"{platform.cm_url}/result/check/{r.json()['result']['submission_id']}/"
        listing = f"{platform.cm_url}/problem/all/"
        listing_latencies(listing, 20)  # warm-up

        idle = listing_latencies(listing, args.requests)

        stop = threading.Event()

        def checker() -> None:
            session = requests.Session()
            session.headers["Authorization"] = f"Bearer {token}"
            # A connection left idle through Retry-After may have been closed by the server's keep-alive
            # timeout (5 s): open a new one, as any HTTP client would.
            session.mount("http://", HTTPAdapter(max_retries=Retry(total=2, backoff_factor=0)))
            while not stop.is_set():
                pause = 0.0
                try:
                    r = session.get(check_url, timeout=60)
                    status: int | str = r.status_code
                    if not args.ignore_retry_after:
                        pause = float(r.headers.get("Retry-After", "0"))
                except requests.RequestException as exc:
                    status = type(exc).__name__
                    errors.append(repr(exc)[:300])
                with lock:
                    statuses[status] += 1
                stop.wait(pause)

        threads = [threading.Thread(target=checker, daemon=True) for _ in range(args.checkers)]
        for thread in threads:
            thread.start()
        time.sleep(3)  # every checker connected; the capped ones wait, the rest loop on 202s
        with lock:
            statuses.clear()
        loaded_t0 = time.monotonic()
        loaded = listing_latencies(listing, args.requests)
        loaded_s = time.monotonic() - loaded_t0
        with lock:
            during = dict(statuses)
        stop.set()
        for thread in threads:
            thread.join(30)
    finally:
        platform.stop()

    print(f"problem/all/ with {CLIENTS} clients, {args.requests} requests per phase:")
    behaviour = "re-checking at once" if args.ignore_retry_after else "honouring Retry-After"
    print(f"  idle:                  p50 {ms(pct(idle, 0.5))}  p99 {ms(pct(idle, 0.99))}")
    print(f"  {args.checkers} checking threads:  p50 {ms(pct(loaded, 0.5))}  p99 {ms(pct(loaded, 0.99))}")
    print(f"  (the checkers: {behaviour}; wait caps {'lifted' if args.uncapped else 'on'})")
    p50, p99 = pct(loaded, 0.5) / pct(idle, 0.5), pct(loaded, 0.99) / pct(idle, 0.99)
    print(f"  ratio loaded/idle: p50 {p50:.2f}  p99 {p99:.2f}")
    rate = sum(during.values()) / loaded_s
    print(f"  result checks answered meanwhile: {during} ({rate:.0f}/s)")
    if errors:
        print(f"  first error: {errors[0]}")


if __name__ == "__main__":
    main()
