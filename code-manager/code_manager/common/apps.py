"""Django app registration of code_manager.common."""

from django.apps import AppConfig


class CommonConfig(AppConfig):
    name = "code_manager.common"
    label = "code_manager_common"

    def ready(self) -> None:
        from code_manager.common import schema  # noqa: F401 - registers the OpenAPI auth extension
