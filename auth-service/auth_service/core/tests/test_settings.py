"""The settings' safety rules, checked in a fresh interpreter (settings are read once per process)."""

import os
import subprocess
import sys
from pathlib import Path

SERVICE_DIR = Path(__file__).resolve().parents[3]


def load_settings(**env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "PYTEST_", "EMAIL_URL"))}
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import config.settings as s; print(s.DEBUG, s.EMAIL_BACKEND, s.DATABASES['default']['ENGINE'])",
        ],
        cwd=SERVICE_DIR,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_secret_key_is_required_outside_debug() -> None:
    result = load_settings()
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is required unless DJANGO_DEBUG=1" in result.stderr


def test_defaults_debug_off_file_mail_sqlite() -> None:
    result = load_settings(DJANGO_SECRET_KEY="x" * 50)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "False",
        "django.core.mail.backends.filebased.EmailBackend",
        "django.db.backends.sqlite3",
    ]


def test_email_and_database_urls() -> None:
    result = load_settings(
        DJANGO_DEBUG="1",
        EMAIL_URL="smtp+tls://user:pw@mail.example.com:587",
        DATABASE_URL="postgres://u@db.example.com:5432/auth",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "True",
        "django.core.mail.backends.smtp.EmailBackend",
        "django.db.backends.postgresql",
    ]
