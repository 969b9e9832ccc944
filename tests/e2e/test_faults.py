"""Faults with nothing lost (THREATS.md "Faults"): each scenario of tests/e2e/faults.py once, random timing.

Every accepted (201) submission gets exactly one verdict, one result document, and no sandbox process or
cgroup outlives it. `make faults` runs the same scenarios several times each and prints the table.
"""

from __future__ import annotations

import random
import time

import pytest

from e2e.faults import SCENARIOS, Tally
from e2e.platform import Platform


def describe(tally: Tally) -> str:
    return (
        f"{tally.scenario}: accepted {len(tally.accepted)}, judged {tally.judged}, lost {len(tally.lost)}, "
        f"duplicates {tally.duplicates}, leftovers {tally.leftovers}, submit answers {dict(tally.statuses)}, "
        f"{tally.notes}, errors {tally.errors}"
    )


# nx-27017 (the MongoDB stand-in of local runs and tests) ignores `_id` in a find_one_and_update whose filter
# also holds `$or`, once other documents have a `judged_attempt`: a rejudge's result is applied to another
# user's submission (result_apply in code-manager; reported to its owner, fix: wrap the filter in `$and`).
NX_27017_OR_BUG = pytest.mark.xfail(
    reason="nx-27017 applies a rejudge result to the wrong submission (find_one_and_update with _id + $or)"
)


@pytest.mark.parametrize(
    "name", [pytest.param(n, marks=NX_27017_OR_BUG) if n == "stale-results" else n for n in SCENARIOS]
)
def test_fault_loses_nothing(platform: Platform, name: str):
    seed = time.time_ns()
    tally = SCENARIOS[name](platform, random.Random(seed))
    print(f"seed {seed}: {describe(tally)}")
    assert tally.lost == [], describe(tally)
    assert tally.duplicates == 0, describe(tally)
    assert (tally.leftover_processes, tally.leftover_cgroups) == (0, 0), describe(tally)
    assert tally.errors == [], describe(tally)
    assert tally.judged == len(tally.accepted) > 0 or name == "postgres-restart", describe(tally)
