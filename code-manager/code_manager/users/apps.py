"""Django app registration of code_manager.users."""

from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "code_manager.users"
    label = "code_manager_users"
