"""What the deny-list of deactivated users (docs/adr/0095-user-deny-list.md) costs each authenticated
request of the code manager, measured in one run against the machine's Redis:

  baseline: docs/jwt-verification.md's recipe as written (JWTStatelessUserAuthentication: RS256 verify);
  measured: the code manager's JWTAuthentication (the recipe + UUID user_id + one Redis GET).

Prints the mean and p95 per authentication and the ratio. In-process, one thread: the figure is the
added latency per request, not a throughput limit.
Usage: .venv/bin/python bench/deny_list_overhead.py [--calls 3000]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

ROOT = Path(__file__).resolve().parents[1]


def timings(authenticate, request, calls: int) -> list[float]:
    out = []
    for _ in range(calls):
        start = time.perf_counter()
        authenticate(request)
        out.append((time.perf_counter() - start) * 1e6)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--calls", type=int, default=3000)
    calls = parser.parse_args().calls

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    os.environ.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        JWT_PUBLIC_KEY=public.decode(),
        REDIS_KEY_PREFIX=f"bench-deny:{uuid.uuid4().hex[:8]}:",
        LOG_LEVEL="WARNING",
    )
    sys.path.insert(0, str(ROOT / "code-manager"))
    import django

    django.setup()
    from rest_framework.test import APIRequestFactory
    from rest_framework_simplejwt.authentication import JWTStatelessUserAuthentication

    from code_manager.common.auth import JWTAuthentication

    now = datetime.now(UTC)
    claims = {
        "user_id": str(uuid.uuid4()), "username": "bench", "is_staff": False, "token_type": "access",
        "iss": "algocode-auth", "aud": "algocode", "iat": now, "exp": now + timedelta(minutes=10), "jti": "x",
    }  # fmt: skip
    token = jwt.encode(claims, key, algorithm="RS256")
    request = APIRequestFactory().get("/", HTTP_AUTHORIZATION=f"Bearer {token}")
    recipe, ours = JWTStatelessUserAuthentication(), JWTAuthentication()
    assert ours.authenticate(request) is not None  # warm-up, and the token is accepted
    timings(recipe.authenticate, request, 200)

    base = timings(recipe.authenticate, request, calls)
    measured = timings(ours.authenticate, request, calls)

    def line(name: str, values: list[float]) -> str:
        p95 = statistics.quantiles(values, n=20)[-1]
        return f"{name:<34} mean {statistics.mean(values):8.1f} us   p95 {p95:8.1f} us"

    print(f"{calls} authentications each, one thread")
    print(line("baseline: the recipe (RS256 only)", base))
    print(line("code manager (+ deny-list GET)", measured))
    print(f"ratio (mean): {statistics.mean(measured) / statistics.mean(base):.2f}x; "
          f"added {statistics.mean(measured) - statistics.mean(base):.1f} us per request")  # fmt: skip


if __name__ == "__main__":
    main()
