"""Django app registration of code_manager.ratelimit."""

from django.apps import AppConfig


class RatelimitConfig(AppConfig):
    name = "code_manager.ratelimit"
    label = "code_manager_ratelimit"
