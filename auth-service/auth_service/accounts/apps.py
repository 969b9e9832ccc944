"""Accounts app: registration, e-mail verification, login (throttled), logout and passwords."""

from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "auth_service.accounts"
    label = "accounts"
