"""The Django admin's login form, throttled like the API login (threat-model.md #50).

Routed in config/urls.py in front of `admin.site.urls`; every other admin page is Django's own.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest, HttpResponse

from auth_service.accounts.throttling import admin_login_wait
from auth_service.core.errors import json_throttled


def admin_login(request: HttpRequest, **kwargs: Any) -> HttpResponse:
    if request.method == "POST":
        wait = admin_login_wait(request)
        if wait is not None:
            return json_throttled(wait)
    return admin.site.login(request, **kwargs)
