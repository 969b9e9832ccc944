"""Django app registration of code_manager.submissions."""

from django.apps import AppConfig


class SubmissionsConfig(AppConfig):
    name = "code_manager.submissions"
    label = "code_manager_submissions"
