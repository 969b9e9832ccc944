"""Interactive runs need two boxes at once; a native sandbox of one slot refuses (the rest of the
interactive suite runs on every backend: tests/boxes/test_interactive.py)."""

from __future__ import annotations

import pytest

from rce_engine.sandbox.base import SandboxError
from tests.sandbox import support


def test_one_slot_cannot_hold_a_pair() -> None:
    home = support.new_home()
    try:
        sandbox = support.make_sandbox(home, slots=1)
        with pytest.raises(SandboxError, match="ALGOCODE_SLOTS"), sandbox.open_box_pair():
            pass
    finally:
        support.remove_home(home)
