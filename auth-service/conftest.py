"""Test set-up: a fresh RSA key pair per run, a cleared locmem cache per test, a fast password hasher.

The database is the real PostgreSQL (config/settings.py defaults DATABASE_URL to
postgres://postgres@127.0.0.1:5432/algocode_auth under pytest). pytest-django imports the settings
before this file runs; the JWT keys are read lazily, so setting them here still comes first.
"""

import pytest
from django.conf import settings
from django.core.cache import cache

from auth_service.tokens.tests.keys import generate_private_pem

TEST_PRIVATE_KEY = generate_private_pem()
settings.JWT_PRIVATE_KEY = TEST_PRIVATE_KEY
settings.JWT_PUBLIC_KEY = ""
settings.JWT_PUBLIC_KEY_FILE = ""
settings.JWT_PREVIOUS_PUBLIC_KEYS = ""
settings.JWT_PREVIOUS_PUBLIC_KEYS_FILE = ""
settings.JWT_KID = ""


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings: object) -> None:
    # One cheap hash keeps the suite fast; throttle counters must not leak between tests.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
