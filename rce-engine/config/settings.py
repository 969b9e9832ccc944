"""Django settings of the judge worker: no database, no HTTP API; only management commands and logging.

Everything comes from the environment (django-environ). The judge itself (rce_engine.conf) needs no Django.
Metrics are served by prometheus_client's own HTTP server (METRICS_PORT), logs are JSON lines.
"""

from __future__ import annotations

import environ

import algocode_contracts
from algocode_contracts.logs import logging_config

env = environ.Env()

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="rce-engine-has-no-sessions-or-signing")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS: list[str] = []
INSTALLED_APPS = ["rce_engine.worker"]
DATABASES: dict[str, dict[str, str]] = {}
USE_TZ = True

# Broker: the worker consumes the job queues of ALGOCODE_LANGUAGES and publishes results.
AMQP_URL = env.str("AMQP_URL", default="amqp://guest:guest@127.0.0.1:5672/%2F?heartbeat=30")
# Default: every language; the worker then consumes the queues of those whose self-test passes. (Not
# imported as LANGUAGES: an upper-case name here would be Django's own LANGUAGES setting.)
ALGOCODE_LANGUAGES = tuple(env.list("ALGOCODE_LANGUAGES", default=list(algocode_contracts.LANGUAGES)))

# Prometheus metrics on prometheus_client's own HTTP server; 0 = none. Each worker process needs its own
# port (`make up` gives worker n the port 9100 + n). Bound to loopback unless METRICS_ADDR says otherwise.
METRICS_PORT = env.int("METRICS_PORT", default=0)
METRICS_ADDR = env.str("METRICS_ADDR", default="127.0.0.1")

# One JSON object per line on stdout (LOG_FORMAT=plain for humans); see docs/observability.md.
LOGGING = logging_config(
    log_format=env.str("LOG_FORMAT", default="json"),
    level=env.str("LOG_LEVEL", default="INFO"),
    quiet={"pika": "WARNING"},  # pika logs every connection step at INFO
)
