"""Users app: the user model, profiles and staff accounts."""

from django.apps import AppConfig


class UsersConfig(AppConfig):
    name = "auth_service.users"
    label = "users"
