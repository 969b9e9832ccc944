"""A system check so `manage.py migrate`/`check` fail early and clearly when the JWT keys are unusable."""

from typing import Any

from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from auth_service.tokens.keyring import load_keyring


@checks.register()
def jwt_keys_check(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    try:
        load_keyring()
    except (ImproperlyConfigured, OSError) as exc:
        return [checks.Error(str(exc), id="auth_service.E001")]
    return []
