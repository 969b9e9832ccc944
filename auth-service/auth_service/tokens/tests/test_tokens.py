"""Issued tokens through HTTP: claims and kid, JWKS, and every way a token must be refused."""

import base64
import json
from datetime import timedelta

import jwt
import pytest
from rest_framework.test import APIClient

from auth_service.tokens.keyring import get_keyring
from auth_service.tokens.services import TokenPair, token_pair_issue
from auth_service.tokens.tests.forgery import forged_tokens
from auth_service.tokens.tests.keys import generate_private_pem
from auth_service.tokens.tokens import AccessToken
from auth_service.users.models import User
from auth_service.users.tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def public_pem() -> str:
    from cryptography.hazmat.primitives import serialization

    return (
        get_keyring()
        .signing_key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )


def bearer(token: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {token}")
    return client


def test_access_token_claims_and_kid(tokens: TokenPair, user: User) -> None:
    header = jwt.get_unverified_header(tokens.access)
    assert header["alg"] == "RS256"
    assert header["kid"] == get_keyring().signing_kid
    claims = jwt.decode(tokens.access, options={"verify_signature": False})
    assert set(claims) == {"user_id", "username", "is_staff", "token_type", "iss", "aud", "exp", "iat", "jti"}
    assert claims["user_id"] == str(user.id)
    assert (claims["username"], claims["is_staff"], claims["token_type"]) == (user.username, False, "access")
    assert (claims["iss"], claims["aud"]) == ("algocode-auth", "algocode")
    assert claims["exp"] - claims["iat"] == 10 * 60


def test_jwks_key_verifies_a_fresh_token_with_plain_pyjwt(api: APIClient, tokens: TokenPair) -> None:
    response = api.get("/.well-known/jwks.json")
    assert response.status_code == 200
    (jwk,) = response.json()["keys"]
    assert {"kty": "RSA", "use": "sig", "alg": "RS256"}.items() <= jwk.items()
    assert "d" not in jwk  # public members only
    key = jwt.PyJWK(jwk)
    assert key.key_id == jwt.get_unverified_header(tokens.access)["kid"]
    claims = jwt.decode(
        tokens.access, key.key, algorithms=["RS256"], audience="algocode", issuer="algocode-auth"
    )
    assert claims["token_type"] == "access"
    # And PyJWT's JWKS client picks the key by kid from the same document.
    assert jwt.PyJWKSet.from_dict(response.json())[jwk["kid"]].key_id == jwk["kid"]


def test_jwks_lists_previous_keys_and_tokens_signed_by_them_still_refresh(
    api: APIClient, settings, user: User
) -> None:
    old_pair = token_pair_issue(user=user)
    old_public = public_pem()
    old_kid = get_keyring().signing_kid
    settings.JWT_PRIVATE_KEY = generate_private_pem()
    settings.JWT_PREVIOUS_PUBLIC_KEYS = old_public
    kids = [k["kid"] for k in api.get("/.well-known/jwks.json").json()["keys"]]
    assert kids == [get_keyring().signing_kid, old_kid]
    response = api.post("/api/v1/auth/token/refresh/", {"refresh": old_pair.refresh})
    assert response.status_code == 200
    assert jwt.get_unverified_header(response.json()["access"])["kid"] == kids[0]


def test_unknown_kid_is_refused(user: User) -> None:
    token = jwt.encode(
        {**jwt.decode(str(AccessToken.for_user(user)), options={"verify_signature": False})},
        get_keyring().signing_key,
        algorithm="RS256",
        headers={"kid": "not-a-known-key"},
    )
    assert bearer(token).get("/api/v1/auth/user/").status_code == 401


def test_kid_is_the_rfc7638_thumbprint() -> None:
    # RFC 7638 section 3.1 example key and its thumbprint.
    from cryptography.hazmat.primitives.asymmetric.rsa import RSAPublicNumbers

    from auth_service.tokens.keyring import rfc7638_thumbprint

    n = (
        "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_BJECPebWKRXjBZCiFV4n3o"
        "knjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgnYb9c7d0zgdAZH"
        "zu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-kEg"
        "U8awapJzKnqDKgw"
    )
    as_int = int.from_bytes(base64.urlsafe_b64decode(n + "=" * (-len(n) % 4)), "big")
    key = RSAPublicNumbers(e=65537, n=as_int).public_key()
    assert rfc7638_thumbprint(key) == "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"


def test_expired_access_token_is_refused(user: User) -> None:
    token = AccessToken.for_user(user)
    token.set_exp(lifetime=-timedelta(seconds=1))
    response = bearer(str(token)).get("/api/v1/auth/user/")
    assert response.status_code == 401
    assert response.json()["code"] == "token_not_valid"


def test_refresh_token_is_not_an_access_token(tokens: TokenPair) -> None:
    response = bearer(tokens.refresh).get("/api/v1/auth/user/")
    assert response.status_code == 401
    assert "wrong type" in json.dumps(response.json())


def test_access_token_cannot_refresh(api: APIClient, tokens: TokenPair, db_unchanged) -> None:
    response = api.post("/api/v1/auth/token/refresh/", {"refresh": tokens.access})
    assert response.status_code == 401
    assert response.json()["detail"] == "Token has wrong type"
    db_unchanged()


@pytest.mark.parametrize("kind", ["wrong_audience", "wrong_issuer", "hs256_public_key", "alg_none"])
def test_forged_tokens_are_refused_everywhere(api: APIClient, tokens: TokenPair, kind: str) -> None:
    token = forged_tokens(access_token=tokens.access, public_key_pem=public_pem())[kind]
    assert bearer(token).get("/api/v1/auth/user/").status_code == 401
    assert api.post("/api/v1/auth/token/verify/", {"token": token}).status_code == 401
    assert api.post("/api/v1/auth/token/refresh/", {"refresh": token}).status_code == 401


def test_token_verify_accepts_a_good_token(api: APIClient, tokens: TokenPair) -> None:
    response = api.post("/api/v1/auth/token/verify/", {"token": tokens.access})
    assert response.status_code == 200
    assert response.json() == {}


def test_token_verify_refuses_refresh_tokens(api: APIClient, tokens: TokenPair) -> None:
    """token/verify/ verifies access tokens only: a fresh, unused refresh token is still not one."""
    response = api.post("/api/v1/auth/token/verify/", {"token": tokens.refresh})
    assert response.status_code == 401
    assert response.json()["detail"] == "Token has wrong type"


def test_token_verify_refuses_tokens_of_inactive_users(api: APIClient, tokens: TokenPair, user: User) -> None:
    User.objects.filter(pk=user.pk).update(is_active=False)
    response = api.post("/api/v1/auth/token/verify/", {"token": tokens.access})
    assert response.status_code == 401
    assert response.json()["detail"] == "User not found or inactive"


def test_refresh_reissues_claims_from_the_current_user(api: APIClient, tokens: TokenPair, user: User) -> None:
    User.objects.filter(pk=user.pk).update(is_staff=True, username="renamed")
    access = api.post("/api/v1/auth/token/refresh/", {"refresh": tokens.refresh}).json()["access"]
    claims = jwt.decode(access, options={"verify_signature": False})
    assert (claims["username"], claims["is_staff"]) == ("renamed", True)


def test_deactivated_user_cannot_refresh(api: APIClient, tokens: TokenPair, user: User) -> None:
    User.objects.filter(pk=user.pk).update(is_active=False)
    response = api.post("/api/v1/auth/token/refresh/", {"refresh": tokens.refresh})
    assert response.status_code == 401
    assert response.json()["detail"] == "User not found or inactive"


def test_password_change_revokes_refresh_tokens(
    auth_api: APIClient, tokens: TokenPair, api: APIClient
) -> None:
    response = auth_api.post(
        "/api/v1/auth/password/change/",
        {
            "old_password": "correct-horse-battery-9",
            "new_password1": "n3w-Passw0rd!",
            "new_password2": "n3w-Passw0rd!",
        },
    )
    assert response.status_code == 200, response.json()
    assert api.post("/api/v1/auth/token/refresh/", {"refresh": tokens.refresh}).status_code == 401


def test_staff_claim(db: None) -> None:
    staff = UserFactory(is_staff=True)
    claims = jwt.decode(token_pair_issue(user=staff).access, options={"verify_signature": False})
    assert claims["is_staff"] is True
