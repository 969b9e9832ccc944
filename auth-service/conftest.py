"""Test set-up: a fresh RSA key pair per run, locmem cache, a fast password hasher.

The database is the real PostgreSQL (config/settings.py defaults DATABASE_URL to
postgres://postgres@127.0.0.1:5432/algocode_auth under pytest). pytest-django imports the settings
before this file runs; the JWT keys are read lazily, so setting them here still comes first.
"""

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings
from django.core.cache import cache


def generate_private_pem() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


TEST_PRIVATE_KEY = generate_private_pem()
settings.JWT_PRIVATE_KEY = TEST_PRIVATE_KEY
settings.JWT_PUBLIC_KEY = ""
settings.JWT_PUBLIC_KEY_FILE = ""
settings.JWT_PREVIOUS_PUBLIC_KEYS = ""
settings.JWT_PREVIOUS_PUBLIC_KEYS_FILE = ""
settings.JWT_KID = ""
settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}


@pytest.fixture(autouse=True)
def _fast_and_isolated(settings: object) -> None:
    # One cheap hash keeps the suite fast; throttle counters must not leak between tests.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    cache.clear()
