"""`manage.py publish_user_events [--every SECONDS]`: drain the outbox of `user.deactivated/v1` events.

Each deactivation publishes its own event after commit; this command retries the ones the broker did not
take at that moment (it was down). `make up` runs it with `--every 5` (deploy/supervisor.conf).
"""

import signal
import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.db import DatabaseError

from auth_service.users.selectors import user_events_pending
from auth_service.users.services import user_events_publish


class Command(BaseCommand):
    help = "Publish pending user.deactivated/v1 events; with --every, keep doing so until stopped."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--every", type=float, default=0.0, help="seconds between passes (0: once)")

    def handle(self, *args: Any, every: float, **options: Any) -> None:
        stopping = False

        def stop(*_: object) -> None:
            nonlocal stopping
            stopping = True

        signal.signal(signal.SIGTERM, stop)
        while True:
            try:
                published = user_events_publish()
            except DatabaseError as exc:
                if not every:
                    raise
                # Not migrated yet (started beside the API) or the database restarting: next pass.
                self.stderr.write(f"database unavailable, retrying: {exc}")
                published = 0
            if published:
                self.stdout.write(f"published {published} user event(s)")
            if not every or stopping:
                break
            deadline = time.monotonic() + every
            while not stopping and time.monotonic() < deadline:
                time.sleep(0.2)
        if not every and user_events_pending(limit=1):
            self.stderr.write("some user events are still pending: the broker did not take them")
            raise SystemExit(1)
