"""`manage.py consume_results`: a shim over the result consumer loop; SIGTERM/SIGINT stop it cleanly."""

import signal
import threading

from django.core.management.base import BaseCommand

from code_manager.submissions.consumers import results_consume


class Command(BaseCommand):
    help = "Consume judged results from RabbitMQ and store them (runs until stopped)."

    def handle(self, *args: object, **options: object) -> None:
        stop = threading.Event()
        for signum in (signal.SIGTERM, signal.SIGINT):
            signal.signal(signum, lambda *_: stop.set())
        results_consume(stop=stop)
