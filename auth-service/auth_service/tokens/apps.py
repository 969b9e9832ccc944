"""Tokens app: RS256 JWTs signed by the keyring, refresh rotation and revocation, JWKS."""

from django.apps import AppConfig


class TokensConfig(AppConfig):
    name = "auth_service.tokens"
    label = "tokens"

    def ready(self) -> None:
        from auth_service.tokens import checks  # noqa: F401  (registers the key check)
