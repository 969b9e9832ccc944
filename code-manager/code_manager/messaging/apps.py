"""Django app registration of code_manager.messaging."""

from django.apps import AppConfig


class MessagingConfig(AppConfig):
    name = "code_manager.messaging"
    label = "code_manager_messaging"
