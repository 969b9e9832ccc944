"""Django app registration of code_manager.problems."""

from django.apps import AppConfig


class ProblemsConfig(AppConfig):
    name = "code_manager.problems"
    label = "code_manager_problems"
