"""`manage.py judge_worker`: consume the job queues of the configured languages and judge them."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from rce_engine.sandbox import SandboxError
from rce_engine.worker.services import worker_run


class Command(BaseCommand):
    help = "Judge submissions from the per-language job queues until SIGTERM (finishes jobs in flight)."

    def add_arguments(self, parser):
        parser.add_argument("--languages", help="comma-separated, default ALGOCODE_LANGUAGES")

    def handle(self, *args, languages=None, **options):
        langs = tuple(languages.split(",")) if languages else settings.ALGOCODE_LANGUAGES
        try:
            worker_run(
                url=settings.AMQP_URL,
                languages=langs,
                metrics_port=settings.METRICS_PORT,
                metrics_addr=settings.METRICS_ADDR,
                ready_file=Path(settings.READY_FILE) if settings.READY_FILE else None,
            )
        except SandboxError as exc:
            raise CommandError(f"the sandbox cannot run on this host: {exc}") from exc
