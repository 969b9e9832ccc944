"""Faults with nothing lost (threat-model.md "Faults"): each tests/e2e/faults.py scenario once, random times.

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


@pytest.mark.parametrize("name", list(SCENARIOS))
def test_fault_loses_nothing(platform: Platform, name: str):
    seed = time.time_ns()
    tally = SCENARIOS[name](platform, random.Random(seed))
    print(f"seed {seed}: {describe(tally)}")
    assert tally.lost == [], describe(tally)
    assert tally.duplicates == 0, describe(tally)
    assert (tally.leftover_processes, tally.leftover_cgroups) == (0, 0), describe(tally)
    assert tally.errors == [], describe(tally)
    assert tally.judged == len(tally.accepted) > 0 or name == "postgres-restart", describe(tally)
