"""Timestamps as stored: fixed-width ISO-8601 UTC strings ("2026-11-28T10:00:01.000000Z").

Strings of one width sort chronologically in any MongoDB-compatible server; nx-27017 0.8 turns a datetime
written through a top-level `$set` into a naive string, so datetimes would come back in mixed types.
"""

from __future__ import annotations

from datetime import UTC, datetime

FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"


def to_iso(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).strftime(FORMAT)


def now_iso() -> str:
    return to_iso(datetime.now(UTC))
