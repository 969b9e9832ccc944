"""`manage.py rebuild_standings`: recount percentiles' histograms, solved problems and accepted users from
the stored submissions (a full scan, for operators: after a restore, or to repair the crash window of
ADR 0131). Run it with the result consumer stopped."""

from django.core.management.base import BaseCommand

from code_manager.submissions.standing import standings_rebuild


class Command(BaseCommand):
    help = "Recount runtime/memory histograms, solved counts and accepted users from the submissions."

    def handle(self, *args: object, **options: object) -> None:
        counted = standings_rebuild()
        self.stdout.write(f"{counted} accepted submissions counted")
