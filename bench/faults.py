"""The full fault suite: every threat-model.md "Faults" scenario, repeated at random times, one table.

Starts its own platform (tests/e2e/platform.py: private Redis, PostgreSQL and RabbitMQ, so no fault ever
touches the machine's shared servers), runs each scenario of tests/e2e/faults.py N times and prints per
scenario: submissions accepted, judged, lost, duplicate result documents, leftover sandbox processes and
cgroups, and anything a client must never see. Exits 1 if lost, duplicates or leftovers are not all 0.

    .venv/bin/python bench/faults.py [--repeat 3] [--seed S] [--only worker-kill,redis-hung]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from e2e.faults import SCENARIOS, Tally  # noqa: E402
from e2e.platform import Platform  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--repeat", type=int, default=3, help="runs of each scenario (default 3)")
    parser.add_argument("--seed", type=int, default=time.time_ns() % 2**32, help="random timing seed")
    parser.add_argument("--only", default="", help="comma-separated scenario names: " + ", ".join(SCENARIOS))
    args = parser.parse_args()
    names = [n for n in args.only.split(",") if n] or list(SCENARIOS)
    unknown = set(names) - set(SCENARIOS)
    if unknown:
        parser.error(f"unknown scenarios: {sorted(unknown)}")
    rng = random.Random(args.seed)
    print(f"seed {args.seed}, {args.repeat} run(s) of each of {len(names)} scenarios", flush=True)

    platform = Platform(var=Path(tempfile.mkdtemp(prefix="algocode-faults-")), heartbeat=5)
    rows: dict[str, list[Tally]] = {name: [] for name in names}
    started = time.monotonic()
    try:
        platform.start()
        print(f"platform up in {time.monotonic() - started:.0f} s (logs: {platform.var / 'log'})", flush=True)
        for run in range(1, args.repeat + 1):
            for name in names:
                t0 = time.monotonic()
                try:
                    tally = SCENARIOS[name](platform, rng)
                except Exception as exc:  # a scenario that could not complete is a failure, not a crash
                    tally = Tally(name, errors=[f"scenario raised {exc!r}"])
                rows[name].append(tally)
                status = "ok" if tally.ok else "FAILED"
                print(
                    f"[{run}/{args.repeat}] {name}: {status} in {time.monotonic() - t0:.0f} s; "
                    f"accepted {len(tally.accepted)}, judged {tally.judged}, lost {len(tally.lost)}, "
                    f"duplicates {tally.duplicates}, leftovers {tally.leftovers}; "
                    f"submit answers {dict(tally.statuses)}; {tally.notes}"
                    + (f"; ERRORS {tally.errors}" if tally.errors else ""),
                    flush=True,
                )
    finally:
        platform.stop()

    print()
    header = f"| {'scenario':<48} | runs | accepted | judged | lost | dup docs | leftovers | 503s | errors |"
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    failed = False
    for name, tallies in rows.items():
        statuses: Counter[int] = Counter()
        for t in tallies:
            statuses.update(t.statuses)
        accepted = sum(len(t.accepted) for t in tallies)
        judged = sum(t.judged for t in tallies)
        lost = sum(len(t.lost) for t in tallies)
        duplicates = sum(t.duplicates for t in tallies)
        leftovers = sum(t.leftovers for t in tallies)
        errors = sum(len(t.errors) for t in tallies)
        failed |= bool(lost or duplicates or leftovers or errors)
        title = tallies[0].scenario if tallies else name
        print(
            f"| {title:<48} | {len(tallies):>4} | {accepted:>8} | {judged:>6} | {lost:>4} | {duplicates:>8} "
            f"| {leftovers:>9} | {statuses.get(503, 0):>4} | {errors:>6} |"
        )
    print(f"\ntotal {time.monotonic() - started:.0f} s; {'FAILED' if failed else 'all zero: nothing lost'}")
    if failed:
        print(f"logs kept in {platform.var / 'log'}")
    else:
        shutil.rmtree(platform.var, ignore_errors=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
