"""Key configuration: clear failures for missing or mismatched keys, and the system check reporting them."""

from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from auth_service.tokens.checks import jwt_keys_check
from auth_service.tokens.keyring import get_keyring, load_keyring
from auth_service.tokens.tests.keys import generate_private_pem


def public_of(private_pem: str) -> str:
    from cryptography.hazmat.primitives import serialization

    key = serialization.load_pem_private_key(private_pem.encode(), password=None)
    return (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def test_missing_key_names_the_variables_and_make_keys(settings, tmp_path: Path) -> None:
    settings.JWT_PRIVATE_KEY = ""
    settings.JWT_PRIVATE_KEY_FILE = str(tmp_path / "absent.pem")
    with pytest.raises(ImproperlyConfigured, match=r"JWT_PRIVATE_KEY.*make keys"):
        load_keyring()
    (error,) = jwt_keys_check()
    assert error.id == "auth_service.E001"


def test_keys_from_files(settings, tmp_path: Path) -> None:
    private = generate_private_pem()
    (tmp_path / "private.pem").write_text(private)
    (tmp_path / "public.pem").write_text(public_of(private))
    settings.JWT_PRIVATE_KEY = ""
    settings.JWT_PRIVATE_KEY_FILE = str(tmp_path / "private.pem")
    settings.JWT_PUBLIC_KEY_FILE = str(tmp_path / "public.pem")
    assert get_keyring().verifying_keys[0].to_jwk()["kid"] == get_keyring().signing_kid
    assert jwt_keys_check() == []


def test_public_key_of_another_pair_is_refused(settings) -> None:
    settings.JWT_PUBLIC_KEY = public_of(generate_private_pem())
    with pytest.raises(ImproperlyConfigured, match="does not belong"):
        load_keyring()


def test_configured_kid(settings) -> None:
    settings.JWT_KID = "2026-11"
    assert get_keyring().signing_kid == "2026-11"
    assert get_keyring().jwks()["keys"][0]["kid"] == "2026-11"


def test_small_or_non_rsa_keys_are_refused(settings) -> None:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ec

    settings.JWT_PRIVATE_KEY = (
        ec.generate_private_key(ec.SECP256R1())
        .private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
        .decode()
    )
    with pytest.raises(ImproperlyConfigured, match="RSA key of at least 2048 bits"):
        load_keyring()
