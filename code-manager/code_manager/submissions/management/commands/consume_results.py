"""`manage.py consume_results`: the result consumer loop, and beside it (a thread of the same process) the
users consumer that keeps the deny-list of deactivated users; SIGTERM/SIGINT stop both cleanly."""

import signal
import threading

from django.core.management.base import BaseCommand

from code_manager.submissions.consumers import results_consume
from code_manager.users.consumers import users_consume


class Command(BaseCommand):
    help = "Consume judged results and user events from RabbitMQ and store them (runs until stopped)."

    def handle(self, *args: object, **options: object) -> None:
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        users = threading.Thread(target=users_consume, kwargs={"stop": stop}, name="users-consumer")
        users.start()
        try:
            results_consume(stop=stop)
        finally:
            stop.set()
            users.join(30)
