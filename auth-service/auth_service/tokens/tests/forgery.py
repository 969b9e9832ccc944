"""Builds hostile variants of a genuine access token for the rejection tests."""

import base64
import hashlib
import hmac
import json

import jwt

from auth_service.tokens.keyring import get_keyring


def _b64(data: dict) -> str:
    raw = json.dumps(data, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def forged_tokens(*, access_token: str, public_key_pem: str) -> dict[str, str]:
    claims = jwt.decode(access_token, options={"verify_signature": False})
    keyring = get_keyring()
    kid = keyring.signing_kid

    def signed(**changes: str) -> str:  # genuinely signed by our key, but for the wrong party
        return jwt.encode({**claims, **changes}, keyring.signing_key, algorithm="RS256", headers={"kid": kid})

    # Algorithm confusion: HMAC over the token with the *public* key as the secret. PyJWT refuses to
    # make one, which is the point, so it is assembled by hand.
    signing_input = f"{_b64({'alg': 'HS256', 'typ': 'JWT', 'kid': kid})}.{_b64(claims)}"
    mac = hmac.new(public_key_pem.encode(), signing_input.encode(), hashlib.sha256).digest()
    hs256 = f"{signing_input}.{base64.urlsafe_b64encode(mac).rstrip(b'=').decode()}"
    return {
        "wrong_audience": signed(aud="some-other-service"),
        "wrong_issuer": signed(iss="evil-issuer"),
        "hs256_public_key": hs256,
        "alg_none": f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}.",
    }
