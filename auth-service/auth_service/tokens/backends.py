"""simplejwt's token backend, signing with the keyring's current key and a `kid` header.

Verification picks the public key by `kid` (current or previous key) and only ever allows RS256.
"""

from typing import Any

import jwt
from django.utils.translation import gettext_lazy as _
from rest_framework_simplejwt.backends import TokenBackend
from rest_framework_simplejwt.exceptions import TokenBackendError
from rest_framework_simplejwt.settings import api_settings

from auth_service.tokens.keyring import get_keyring


class KeyringTokenBackend(TokenBackend):
    def __init__(self) -> None:
        super().__init__(
            algorithm="RS256",
            audience=api_settings.AUDIENCE,
            issuer=api_settings.ISSUER,
            leeway=api_settings.LEEWAY,
            json_encoder=api_settings.JSON_ENCODER,
        )

    def encode(self, payload: dict[str, Any]) -> str:
        keyring = get_keyring()
        jwt_payload = payload.copy()
        jwt_payload["aud"] = self.audience
        jwt_payload["iss"] = self.issuer
        return jwt.encode(
            jwt_payload,
            keyring.signing_key,
            algorithm="RS256",
            headers={"kid": keyring.signing_kid},
            json_encoder=self.json_encoder,
        )

    def get_verifying_key(self, token: Any) -> Any:
        try:
            kid = jwt.get_unverified_header(token).get("kid")
        except jwt.InvalidTokenError as exc:
            raise TokenBackendError(_("Token is invalid")) from exc
        key = get_keyring().verifying_key(kid)
        if key is None:
            raise TokenBackendError(_("Token is signed with an unknown key"))
        return key


def get_token_backend() -> KeyringTokenBackend:
    # Built per call: cheap, and it follows settings overridden in tests.
    return KeyringTokenBackend()
