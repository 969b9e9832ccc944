"""WSGI entry point served by gunicorn (gthread workers: see config/gunicorn.py and docs/adr/0040)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

application = get_wsgi_application()
