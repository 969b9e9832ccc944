"""`manage.py create_staff_user`: the staff account from ALGOCODE_STAFF_{EMAIL,USERNAME,PASSWORD}."""

import os
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from auth_service.users.services import staff_user_upsert


class Command(BaseCommand):
    help = "Create or update a verified staff user from ALGOCODE_STAFF_EMAIL/_USERNAME/_PASSWORD."

    def handle(self, *args: Any, **options: Any) -> None:
        names = ("ALGOCODE_STAFF_EMAIL", "ALGOCODE_STAFF_USERNAME", "ALGOCODE_STAFF_PASSWORD")
        missing = [name for name in names if not os.environ.get(name)]
        if missing:
            raise CommandError(f"Set {', '.join(missing)}")
        try:
            user, created = staff_user_upsert(
                email=os.environ["ALGOCODE_STAFF_EMAIL"],
                username=os.environ["ALGOCODE_STAFF_USERNAME"],
                password=os.environ["ALGOCODE_STAFF_PASSWORD"],
            )
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(f"{'created' if created else 'updated'} staff user {user.username} <{user.email}>")
