"""Django settings of the judge worker: no database, no HTTP; only management commands and logging.

Everything comes from the environment (django-environ). The judge itself (rce_engine.conf) needs no Django.
"""

from __future__ import annotations

import environ

env = environ.Env()

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="rce-engine-has-no-sessions-or-signing")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS: list[str] = []
INSTALLED_APPS = ["rce_engine.worker"]
DATABASES: dict[str, dict[str, str]] = {}
USE_TZ = True

# Broker: the worker consumes the job queues of ALGOCODE_LANGUAGES and publishes results.
AMQP_URL = env.str("AMQP_URL", default="amqp://guest:guest@127.0.0.1:5672/%2F?heartbeat=30")
ALGOCODE_LANGUAGES = tuple(env.list("ALGOCODE_LANGUAGES", default=["cpp", "c", "python", "java"]))

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    "loggers": {"pika": {"level": "WARNING"}},  # pika logs every connection step at INFO
}
