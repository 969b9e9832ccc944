"""/metrics counts the HTTP traffic, and the service logs one JSON object per line (plain on request)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rest_framework.test import APIClient

SERVICE_DIR = Path(__file__).resolve().parents[3]


METRICS_TOKEN = "test-metrics-token-0123456789"


@pytest.mark.django_db
def test_metrics_count_requests_by_view_and_status(api: APIClient, settings: object) -> None:
    settings.METRICS_TOKEN = METRICS_TOKEN

    def healthchecks_ok() -> float:
        page = api.get("/metrics", HTTP_AUTHORIZATION=f"Bearer {METRICS_TOKEN}").content.decode()
        for line in page.splitlines():
            if line.startswith("django_http_responses_total_by_status_view_method_total{") and (
                'view="healthcheck"' in line and 'status="200"' in line
            ):
                return float(line.rsplit(" ", 1)[1])
        return 0.0

    before = healthchecks_ok()
    assert api.get("/api/v1/auth/healthcheck/").status_code == 200
    assert healthchecks_ok() == before + 1


@pytest.mark.parametrize("header", [None, "Bearer wrong-token", f"Basic {METRICS_TOKEN}", "Bearer"])
def test_metrics_refuse_a_missing_or_wrong_token(
    api: APIClient, settings: object, header: str | None
) -> None:
    settings.METRICS_TOKEN = METRICS_TOKEN
    response = api.get("/metrics", **({"HTTP_AUTHORIZATION": header} if header else {}))
    assert response.status_code == 401
    assert response.json()["code"] == "not_authenticated"
    assert response["WWW-Authenticate"].startswith("Bearer")
    assert b"django_http" not in response.content


def test_metrics_do_not_exist_without_a_configured_token(api: APIClient, settings: object) -> None:
    settings.METRICS_TOKEN = ""
    response = api.get("/metrics", HTTP_AUTHORIZATION="Bearer ")
    assert response.status_code == 404
    assert response.json() == {"detail": "Not found.", "code": "not_found"}


def _log_line(log_format: str) -> str:
    code = "import logging; logging.getLogger('auth_service.x').warning('login refused for %s', 'a@b.c')"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTEST_")}
    env |= {"DJANGO_SETTINGS_MODULE": "config.settings", "DJANGO_DEBUG": "1", "LOG_FORMAT": log_format}
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=SERVICE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return done.stdout.strip().splitlines()[-1]


def test_logs_are_json_lines_on_stdout_or_plain_on_request() -> None:
    record = json.loads(_log_line("json"))
    assert (record["level"], record["logger"]) == ("WARNING", "auth_service.x")
    assert record["message"] == "login refused for a@b.c"
    assert record["time"].startswith("20")
    assert _log_line("plain").endswith("WARNING auth_service.x login refused for a@b.c")
