"""The worker's settings: Django's own checks pass (an upper-case name in settings is a Django setting,
and importing the contract's LANGUAGES there once broke `manage.py judge_worker` at start), and by default
a worker offers every language."""

from __future__ import annotations

from django.conf import settings
from django.core.management import call_command

from algocode_contracts import LANGUAGES


def test_system_checks_pass_and_every_language_is_offered_by_default() -> None:
    call_command("check")  # raises SystemCheckError (or the ValueError of a clobbered setting)
    assert settings.ALGOCODE_LANGUAGES == LANGUAGES
    assert all(isinstance(code, str) for code, _ in settings.LANGUAGES)  # Django's, untouched
