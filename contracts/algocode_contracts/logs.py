"""The log-line contract every service follows: one JSON object per line on stdout (LOG_FORMAT=json, the
default) or plain text, with the same field names everywhere so one log pipeline reads all three services.

Fields bound with `log_context` / `log_bind` (submission_id, attempt, language, request_id) ride on every
line logged while they are bound; gunicorn's access lines get method, path, status and duration fields.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Mapping
from contextvars import ContextVar
from enum import StrEnum
from types import MappingProxyType
from typing import Any

_fields: ContextVar[Mapping[str, Any]] = ContextVar("algocode_log_fields", default=MappingProxyType({}))


class LogFormat(StrEnum):
    JSON = "json"
    PLAIN = "plain"


@contextlib.contextmanager
def log_context(**fields: Any) -> Iterator[None]:
    """Bind `fields` to every log line of this thread (or task) until the block ends."""
    token = _fields.set({**_fields.get(), **fields})
    try:
        yield
    finally:
        _fields.reset(token)


def log_bind(**fields: Any) -> None:
    """Bind `fields` until the enclosing `log_context` ends (a request's middleware opens one)."""
    _fields.set({**_fields.get(), **fields})


def log_fields() -> Mapping[str, Any]:
    return _fields.get()


class ContextFilter(logging.Filter):
    """Copies the bound fields onto each record, where the JSON formatter picks them up."""

    def filter(self, record: logging.LogRecord) -> bool:
        for key, value in _fields.get().items():
            if not hasattr(record, key):
                setattr(record, key, value)
        return True


class AccessFieldsFilter(logging.Filter):
    """gunicorn logs each request with its atoms dict as the args: lift the useful ones into fields."""

    def filter(self, record: logging.LogRecord) -> bool:
        atoms = record.args
        if isinstance(atoms, Mapping):
            record.method = atoms.get("m")
            record.path = atoms.get("U")
            record.status = _int(atoms.get("s"))
            record.duration_ms = round((_int(atoms.get("D")) or 0) / 1000, 3)  # D is microseconds
            # The proxy's id (request header) or the one the service answered with (response header).
            request_id = next(
                (
                    atoms.get(key)
                    for key in ("{x-request-id}i", "{x-request-id}o")
                    if atoms.get(key) not in (None, "-")
                ),
                None,
            )
            if request_id:
                record.request_id = request_id
        return True


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


PLAIN_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
# The JSON keys every line has (plus "time", ISO 8601 in UTC); bound and access fields come after them.
JSON_FORMAT = "%(levelname)s %(name)s %(message)s"
JSON_RENAMES = {"levelname": "level", "name": "logger"}


def logging_config(*, log_format: str, level: str, quiet: Mapping[str, str] | None = None) -> dict[str, Any]:
    """The `LOGGING` dict for settings: every logger, gunicorn's included, to stdout in `log_format`."""
    formatter: dict[str, Any]
    if LogFormat(log_format) is LogFormat.JSON:
        formatter = {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": JSON_FORMAT,
            "rename_fields": JSON_RENAMES,
            "timestamp": "time",
            "json_ensure_ascii": False,
        }
    else:
        formatter = {"format": PLAIN_FORMAT}
    filters = ["context"]
    handler = {"class": "logging.StreamHandler", "stream": "ext://sys.stdout", "formatter": "main"}
    # gunicorn's access log keeps its own plain line as the message; in JSON it also gets fields.
    access_handler = {**handler, "filters": ["context", "access"]}
    loggers: dict[str, Any] = {name: {"level": lvl} for name, lvl in (quiet or {}).items()}
    loggers |= {
        "gunicorn.error": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "gunicorn.access": {"handlers": ["access"], "level": "INFO", "propagate": False},
    }
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {
            "context": {"()": f"{__name__}.ContextFilter"},
            "access": {"()": f"{__name__}.AccessFieldsFilter"},
        },
        "formatters": {"main": formatter},
        "handlers": {"console": {**handler, "filters": filters}, "access": access_handler},
        "root": {"handlers": ["console"], "level": level},
        "loggers": loggers,
    }
