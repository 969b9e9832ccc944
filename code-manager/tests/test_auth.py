"""JWT verification with the public key only: every kind of bad token is a JSON 401, and costs no token."""

from __future__ import annotations

from datetime import timedelta

import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from rest_framework.test import APIClient

from code_manager.common import mongo

from .conftest import new_user


def other_private_key() -> str:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()


def unsigned_token(user) -> str:
    claims = {"user_id": user.user_id, "token_type": "access", "iss": "algocode-auth", "aud": "algocode"}
    return jwt.encode({**claims, "exp": 4102444800, "iat": 0, "jti": "x"}, None, algorithm="none")


BAD_TOKENS = {
    "refresh token": lambda mk, infra, user: mk(user, token_type="refresh"),
    "expired": lambda mk, infra, user: mk(user, lifetime=timedelta(minutes=-5)),
    "wrong audience": lambda mk, infra, user: mk(user, audience="someone-else"),
    "wrong issuer": lambda mk, infra, user: mk(user, issuer="evil-auth"),
    "other key": lambda mk, infra, user: mk(user, key=other_private_key()),
    "HS256 forged with the public key": lambda mk, infra, user: mk(
        user, algorithm="HS256", key=infra.public_pem
    ),
    "user_id not a UUID": lambda mk, infra, user: mk(user, user_id="42"),
    "alg none": lambda mk, infra, user: unsigned_token(user),
    "garbage": lambda mk, infra, user: "not.a.jwt",
}


@pytest.mark.parametrize("kind", list(BAD_TOKENS))
def test_bad_tokens_are_refused_with_401_json(kind, make_token, infra, problem) -> None:
    user = new_user()
    if kind == "HS256 forged with the public key":
        # PyJWT refuses to HMAC with a PEM key; an attacker would not, so sign by hand.
        import base64
        import hashlib
        import hmac
        import json
        import time

        def b64(data: bytes) -> str:
            return base64.urlsafe_b64encode(data).rstrip(b"=").decode()

        header = b64(json.dumps({"alg": "HS256", "typ": "JWT"}).encode())
        now = int(time.time())
        claims = {
            "user_id": user.user_id, "token_type": "access", "iss": "algocode-auth", "aud": "algocode",
            "iat": now, "exp": now + 300, "jti": "x",
        }  # fmt: skip
        payload = b64(json.dumps(claims).encode())
        signature = hmac.new(
            infra.public_pem.encode(), f"{header}.{payload}".encode(), hashlib.sha256
        ).digest()
        token = f"{header}.{payload}.{b64(signature)}"
    else:
        token = BAD_TOKENS[kind](make_token, infra, user)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    response = client.post(
        "/api/v1/code/submit/",
        {"problem_id": problem["_id"], "lang": "cpp", "code": "int main(){}"},
        format="json",
    )
    assert response.status_code == 401, response.content
    assert response.json()["code"] == "token_not_valid"
    assert client.get("/api/v1/submissions/").status_code == 401
    assert mongo.get_db()["submissions"].count_documents({}) == 0


def test_missing_or_malformed_header_is_401(anon, problem) -> None:
    response = anon.post("/api/v1/code/submit/", {"problem_id": problem["_id"]}, format="json")
    assert response.status_code == 401
    assert response.json() == {
        "detail": "Authentication credentials were not provided.",
        "code": "not_authenticated",
    }
    anon.credentials(HTTP_AUTHORIZATION="Token abc")
    assert anon.get("/api/v1/result/check/5993d00f-62fa-437c-8724-ee588265175b/").status_code == 401


def test_a_valid_access_token_is_accepted(user_client) -> None:
    client, _user = user_client()
    assert client.get("/api/v1/submissions/").status_code == 200


@pytest.mark.parametrize("claim", ["false", "0", "true", 1, "yes"])
def test_only_json_true_is_staff(claim, make_token) -> None:
    """threat-model.md #53: a non-boolean is_staff claim is not staff."""
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {make_token(new_user(), is_staff=claim)}")
    response = client.post("/api/v1/problem/", {"title": "Mine now"}, format="json")
    assert response.status_code == 403, response.content
    assert response.json()["code"] == "permission_denied"
    assert mongo.get_db()["problems"].count_documents({}) == 0


def test_settings_paste_the_documented_recipe_as_written() -> None:
    """docs/jwt-verification.md's Django block (tested by the auth service) is what the code manager runs."""
    import re
    from pathlib import Path

    from django.conf import settings
    from rest_framework_simplejwt.authentication import JWTStatelessUserAuthentication

    import config.settings
    from code_manager.common.auth import JWTAuthentication

    root = Path(config.settings.__file__).resolve().parents[2]
    doc = (root / "docs" / "jwt-verification.md").read_text()
    block = re.search(r"```python\n(# --- Algocode JWT verification.*?)```", doc, re.S).group(1)
    assert block in Path(config.settings.__file__).read_text()
    assert settings.SIMPLE_JWT["LEEWAY"] == 5
    assert settings.SIMPLE_JWT["AUTH_TOKEN_CLASSES"] == ("rest_framework_simplejwt.tokens.AccessToken",)
    assert issubclass(JWTAuthentication, JWTStatelessUserAuthentication)
