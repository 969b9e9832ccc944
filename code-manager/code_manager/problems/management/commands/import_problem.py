"""`manage.py import_problem PATH [PATH...]`: a shim over problems.importer.problem_import."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from algocode_contracts.package import PackageError
from code_manager.problems.importer import problem_import


class Command(BaseCommand):
    help = "Import (or re-import) ICPC/Kattis problem packages; the package's uuid is the problem id."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("paths", nargs="+", help="package directories")

    def handle(self, *args: object, **options: object) -> None:
        failed = 0
        for path in options["paths"]:  # type: ignore[attr-defined]  # nargs="+": a list
            try:
                result = problem_import(path=path)
            except PackageError as exc:
                failed += 1
                self.stderr.write(f"{path}: {exc}")
                continue
            action = "created" if result.created else "updated"
            self.stdout.write(
                f"{action} {result.problem_id} {result.title!r}: {result.tests} tests "
                f"({result.samples} samples), reference: {result.reference_language or 'none'}"
            )
        if failed:
            raise CommandError(f"{failed} package(s) failed to import")
