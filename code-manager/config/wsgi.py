"""WSGI entry point served by gunicorn (gthread workers: see config/gunicorn.py and docs/adr/0040).

Each worker imports this after the fork, creates its MongoDB client and ensures the declared indexes at
start-up (a MongoDB that is not up yet is retried on the first request).
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()

from code_manager.common.mongo import get_db  # noqa: E402 - needs the configured Django settings

get_db()
