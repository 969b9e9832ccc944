"""The RSA keys that sign and verify JWTs, loaded once from configuration (PEM text or files).

The current key signs; the current and previous public keys verify (by `kid`) and are published as JWKS.
"""

import base64
import hashlib
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.rsa import RSAPrivateKey, RSAPublicKey
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.signals import setting_changed
from jwt.algorithms import RSAAlgorithm

_PEM_BLOCK = re.compile(r"-----BEGIN PUBLIC KEY-----.+?-----END PUBLIC KEY-----", re.DOTALL)


@dataclass(frozen=True)
class VerifyingKey:
    kid: str
    public_key: RSAPublicKey

    def to_jwk(self) -> dict[str, str]:
        jwk: dict[str, str] = RSAAlgorithm.to_jwk(self.public_key, as_dict=True)
        return {**jwk, "kid": self.kid, "use": "sig", "alg": "RS256"}


@dataclass(frozen=True)
class Keyring:
    signing_key: RSAPrivateKey
    signing_kid: str
    verifying_keys: tuple[VerifyingKey, ...]

    def verifying_key(self, kid: str | None) -> RSAPublicKey | None:
        """The public key for a token's `kid`; a token without `kid` is checked against the current key."""
        if kid is None:
            return self.verifying_keys[0].public_key
        for key in self.verifying_keys:
            if key.kid == kid:
                return key.public_key
        return None

    def jwks(self) -> dict[str, list[dict[str, str]]]:
        return {"keys": [key.to_jwk() for key in self.verifying_keys]}


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def rfc7638_thumbprint(public_key: RSAPublicKey) -> str:
    """RFC 7638 JWK thumbprint: SHA-256 over the required members in lexicographic order, no spaces."""
    numbers = public_key.public_numbers()
    e = numbers.e.to_bytes((numbers.e.bit_length() + 7) // 8, "big")
    n = numbers.n.to_bytes((numbers.n.bit_length() + 7) // 8, "big")
    canonical = json.dumps({"e": _b64url(e), "kty": "RSA", "n": _b64url(n)}, separators=(",", ":"))
    return _b64url(hashlib.sha256(canonical.encode("ascii")).digest())


def _read_pem(text: str, file_name: str, what: str) -> str:
    if text.strip():
        return text
    if file_name:
        path = Path(file_name)
        if path.is_file():
            return path.read_text()
    raise ImproperlyConfigured(
        f"No JWT {what} key: set JWT_{what.upper()}_KEY (PEM text) or JWT_{what.upper()}_KEY_FILE; "
        f"the default file {file_name or '(none)'} does not exist (run `make keys`)."
    )


def _load_private(pem: str) -> RSAPrivateKey:
    try:
        key = serialization.load_pem_private_key(pem.encode(), password=None)
    except ValueError as exc:
        raise ImproperlyConfigured(f"JWT private key is not a readable PEM private key: {exc}") from exc
    if not isinstance(key, RSAPrivateKey) or key.key_size < 2048:
        raise ImproperlyConfigured("JWT private key must be an RSA key of at least 2048 bits")
    return key


def _load_public(pem: str) -> RSAPublicKey:
    try:
        key = serialization.load_pem_public_key(pem.encode())
    except ValueError as exc:
        raise ImproperlyConfigured(f"JWT public key is not a readable PEM public key: {exc}") from exc
    if not isinstance(key, RSAPublicKey):
        raise ImproperlyConfigured("JWT public keys must be RSA keys")
    return key


def _public_pem(key: RSAPublicKey) -> bytes:
    return key.public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)


def _previous_public_keys() -> list[RSAPublicKey]:
    text = settings.JWT_PREVIOUS_PUBLIC_KEYS
    if settings.JWT_PREVIOUS_PUBLIC_KEYS_FILE:
        text += "\n" + Path(settings.JWT_PREVIOUS_PUBLIC_KEYS_FILE).read_text()
    return [_load_public(block) for block in _PEM_BLOCK.findall(text)]


def load_keyring() -> Keyring:
    """Build the keyring from settings; raises ImproperlyConfigured with a hint when keys are missing."""
    private_key = _load_private(_read_pem(settings.JWT_PRIVATE_KEY, settings.JWT_PRIVATE_KEY_FILE, "private"))
    public_key = private_key.public_key()
    configured_public = settings.JWT_PUBLIC_KEY
    if configured_public.strip() or Path(settings.JWT_PUBLIC_KEY_FILE or "-").is_file():
        given = _load_public(_read_pem(configured_public, settings.JWT_PUBLIC_KEY_FILE, "public"))
        # A mismatched pair would make every token we issue unverifiable elsewhere: refuse to start.
        if _public_pem(given) != _public_pem(public_key):
            raise ImproperlyConfigured("JWT public key does not belong to the JWT private key")
    signing_kid = settings.JWT_KID or rfc7638_thumbprint(public_key)
    verifying = [VerifyingKey(kid=signing_kid, public_key=public_key)]
    for previous in _previous_public_keys():
        if _public_pem(previous) != _public_pem(public_key):
            verifying.append(VerifyingKey(kid=rfc7638_thumbprint(previous), public_key=previous))
    return Keyring(signing_key=private_key, signing_kid=signing_kid, verifying_keys=tuple(verifying))


@cache
def get_keyring() -> Keyring:
    return load_keyring()


def _reset_on_setting_change(*, setting: str, **kwargs: object) -> None:
    if setting.startswith("JWT_"):
        get_keyring.cache_clear()


setting_changed.connect(_reset_on_setting_change)
