"""Core app: the error type, the exception handler and the healthcheck."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "auth_service.core"
    label = "core"
