"""Runs docs/jwt-verification.md's code blocks as written, holding only the public key, against our tokens.

This is what the code manager pastes; if the recipe or our tokens drift apart, this fails.
"""

import importlib
import re
from collections.abc import Callable, Iterator
from datetime import timedelta
from pathlib import Path
from typing import Any

import environ
import jwt
import pytest
from django.conf import settings as django_settings
from django.test import override_settings
from rest_framework.exceptions import AuthenticationFailed
from rest_framework.test import APIRequestFactory
from rest_framework_simplejwt import state
from rest_framework_simplejwt.authentication import JWTStatelessUserAuthentication

from auth_service.tokens.keyring import get_keyring
from auth_service.tokens.services import TokenPair, token_pair_issue
from auth_service.tokens.tests.forgery import forged_tokens
from auth_service.tokens.tokens import AccessToken
from auth_service.users.models import User

DOC = Path(__file__).resolve().parents[4] / "docs" / "jwt-verification.md"


def python_blocks() -> list[str]:
    return re.findall(r"```python\n(.*?)```", DOC.read_text(), re.DOTALL)


@pytest.fixture
def public_key_pem() -> str:
    from cryptography.hazmat.primitives import serialization

    key = get_keyring().signing_key.public_key()
    return key.public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    ).decode()


@pytest.fixture
def verifier(public_key_pem: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Any]:
    """simplejwt configured by the documented settings block, as the code manager would be."""
    monkeypatch.setenv("JWT_PUBLIC_KEY", public_key_pem)
    namespace: dict[str, Any] = {
        "env": environ.Env(),
        "Path": Path,
        "VAR_DIR": tmp_path,
        "REST_FRAMEWORK": {},
    }
    exec(python_blocks()[0], namespace)  # noqa: S102 - the documented snippet itself is under test
    assert namespace["SIMPLE_JWT"]["SIGNING_KEY"] is None
    with override_settings(SIMPLE_JWT=namespace["SIMPLE_JWT"]):
        importlib.reload(state)  # simplejwt builds its backend from settings at import
        (auth_class,) = namespace["REST_FRAMEWORK"]["DEFAULT_AUTHENTICATION_CLASSES"]
        assert auth_class.endswith(".JWTStatelessUserAuthentication")
        yield JWTStatelessUserAuthentication()
    importlib.reload(state)


@pytest.fixture
def pyjwt_verify() -> Callable[[str, str], dict]:
    namespace: dict[str, Any] = {}
    exec(python_blocks()[1], namespace)  # noqa: S102
    return namespace["verify_access_token"]


def authenticate(verifier: JWTStatelessUserAuthentication, token: str) -> Any:
    request = APIRequestFactory().get("/", HTTP_AUTHORIZATION=f"Bearer {token}")
    return verifier.authenticate(request)


@pytest.fixture
def pair(db: None, user: User) -> TokenPair:
    return token_pair_issue(user=user)


def test_simplejwt_recipe_accepts_a_fresh_access_token(verifier, pair: TokenPair, user: User) -> None:
    token_user, _token = authenticate(verifier, pair.access)
    assert token_user.id == str(user.id)
    assert token_user.username == user.username
    assert token_user.is_staff is False
    assert django_settings.SIMPLE_JWT["ALGORITHM"] == "RS256"


def test_pyjwt_recipe_accepts_a_fresh_access_token(
    pyjwt_verify, public_key_pem: str, pair: TokenPair, user: User
) -> None:
    claims = pyjwt_verify(pair.access, public_key_pem)
    assert claims["user_id"] == str(user.id)
    assert claims["token_type"] == "access"


def expired_access_token(user: User) -> str:
    token = AccessToken.for_user(user)
    token.set_exp(lifetime=-timedelta(minutes=1))
    return str(token)


@pytest.mark.parametrize(
    "kind", ["refresh", "wrong_audience", "wrong_issuer", "hs256_public_key", "alg_none", "expired"]
)
def test_recipes_reject(
    kind: str, verifier, pyjwt_verify, public_key_pem: str, pair: TokenPair, user: User
) -> None:
    token = {"refresh": pair.refresh, "expired": expired_access_token(user)}.get(kind) or forged_tokens(
        access_token=pair.access, public_key_pem=public_key_pem
    )[kind]
    with pytest.raises(AuthenticationFailed):
        authenticate(verifier, token)
    with pytest.raises(jwt.InvalidTokenError):
        pyjwt_verify(token, public_key_pem)
