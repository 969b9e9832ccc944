"""Read-only checks of the service's own dependencies."""

from django.db import connection


def database_ping() -> None:
    """One real round trip to the database; raises django.db.Error when it is unreachable."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
