"""Settings of the code manager, read from the environment in this one place (django-environ).

The code manager keeps its data in MongoDB and Redis; Django's SQL database only satisfies the installed
`contenttypes`/`auth` apps and is an in-memory SQLite that nothing writes to.
"""

from __future__ import annotations

from pathlib import Path

import environ

from algocode_contracts.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent
REPO_DIR = BASE_DIR.parent

env = environ.Env()

SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="code-manager-signs-nothing-with-this-key")
DEBUG = env.bool("DJANGO_DEBUG", default=False)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_prometheus",
    "code_manager.common",
    "code_manager.problems",
    "code_manager.submissions",
    "code_manager.ratelimit",
    "code_manager.messaging",
    "code_manager.users",
]

MIDDLEWARE = [
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "code_manager.common.middleware.LogContextMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "code_manager.common.middleware.RequestSizeLimitMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
APPEND_SLASH = False

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {"context_processors": ["django.template.context_processors.request"]},
    }
]

# Nothing is stored through the ORM; the apps Django and DRF need still want a database alias.
DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

USE_TZ = True
TIME_ZONE = "UTC"
LANGUAGE_CODE = "en-us"

STATIC_URL = "static/"
# Only set when collectstatic is used (containers); locally WhiteNoise serves straight from the finders.
STATIC_ROOT = env.str("STATIC_ROOT", default="") or None
# Swagger UI assets come from drf-spectacular-sidecar through the finders: no collectstatic, no CDN.
WHITENOISE_USE_FINDERS = True

# ---- stores ------------------------------------------------------------------------------------------
MONGO_URL = env.str("MONGO_URL", default="mongodb://127.0.0.1:27017")
MONGO_DB = env.str("MONGO_DB", default="algocode")
MONGO_TIMEOUT_MS = env.int("MONGO_TIMEOUT_MS", default=3000)

REDIS_URL = env.str("REDIS_URL", default="redis://127.0.0.1:6379/0")
REDIS_KEY_PREFIX = env.str("REDIS_KEY_PREFIX", default="algocode:cm:")
# Short socket timeouts: a hung Redis must cost a request well under a second, never a 500.
REDIS_SOCKET_TIMEOUT = env.float("REDIS_SOCKET_TIMEOUT", default=0.5)

AMQP_URL = env.str("AMQP_URL", default="amqp://guest:guest@127.0.0.1:5672/%2F?heartbeat=30")
RESULT_CONSUMER_PREFETCH = env.int("RESULT_CONSUMER_PREFETCH", default=20)
# Bigger result messages are refused (dead-lettered) before parsing.
MAX_RESULT_MESSAGE_BYTES = env.int("MAX_RESULT_MESSAGE_BYTES", default=2 * 1024 * 1024)

# ---- submissions -------------------------------------------------------------------------------------
MAX_SOURCE_BYTES = env.int("MAX_SOURCE_BYTES", default=64 * 1024)
MAX_STDIN_BYTES = env.int("MAX_STDIN_BYTES", default=64 * 1024)
MAX_REQUEST_BYTES = env.int("MAX_REQUEST_BYTES", default=1024 * 1024)
# Staff problem writes carry whole test sets; they are authorised before the body is parsed.
MAX_PROBLEM_UPLOAD_BYTES = env.int("MAX_PROBLEM_UPLOAD_BYTES", default=32 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = MAX_PROBLEM_UPLOAD_BYTES
RESULT_WAIT_SECONDS = env.float("RESULT_WAIT_SECONDS", default=5.0)
RESULT_CACHE_TTL_SECONDS = env.int("RESULT_CACHE_TTL_SECONDS", default=600)
# A pending result check says when no judge consumes its language; the consumer count is read from the
# broker at most this often per process.
JUDGES_CACHE_SECONDS = env.float("JUDGES_CACHE_SECONDS", default=5.0)
# While Redis pub/sub is unavailable a waiting result check re-reads MongoDB this often.
RESULT_POLL_SECONDS = env.float("RESULT_POLL_SECONDS", default=0.5)
# Waiting result checks per gunicorn process (each holds one of its GUNICORN_THREADS), for one user and
# in all; a check beyond either answers at once (docs/adr/0092-capped-result-waits.md).
RESULT_WAITERS_PER_USER = env.int("RESULT_WAITERS_PER_USER", default=4)
RESULT_WAITERS_PER_PROCESS = env.int("RESULT_WAITERS_PER_PROCESS", default=32)

# ---- rate limiting -----------------------------------------------------------------------------------
RATE_LIMIT_ENABLED = env.bool("RATE_LIMIT_ENABLED", default=True)
RATE_LIMIT_CAPACITY = env.int("RATE_LIMIT_CAPACITY", default=3)
# Applied by the throttle on the submit and run views (code_manager/ratelimit/throttles.py).
RATE_LIMIT_REFILL_SECONDS = env.float("RATE_LIMIT_REFILL_SECONDS", default=20.0)
# Submissions (and runs) of one user waiting for a verdict at once; 0: no cap (docs/rate-limit.md). One
# that has no verdict after the TTL (its result was lost) stops counting.
SUBMISSIONS_IN_FLIGHT_PER_USER = env.int("SUBMISSIONS_IN_FLIGHT_PER_USER", default=1)
SUBMISSIONS_IN_FLIGHT_TTL_SECONDS = env.int("SUBMISSIONS_IN_FLIGHT_TTL_SECONDS", default=120)
SUBMISSIONS_IN_FLIGHT_RETRY_SECONDS = env.float("SUBMISSIONS_IN_FLIGHT_RETRY_SECONDS", default=2.0)

REST_FRAMEWORK = {
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": ["code_manager.common.parsers.SafeJSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "EXCEPTION_HANDLER": "code_manager.common.errors.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": None,
    # Number of reverse proxies in front of the service that append to X-Forwarded-For (nginx: 1); the same
    # variable as the auth service's.
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0),
}

# ---- JWT verification (public key only) --------------------------------------------------------------
# docs/jwt-verification.md's recipe, pasted as written (tests/test_auth.py checks it is); the code manager
# then swaps in its subclass of the recipe's authentication class (code_manager/common/auth.py).
VAR_DIR = REPO_DIR / "var"
# --- Algocode JWT verification: public key only -----------------------------------------------
JWT_PUBLIC_KEY = (
    env.str("JWT_PUBLIC_KEY", default="", multiline=True)
    or Path(env.str("JWT_PUBLIC_KEY_FILE", default=str(VAR_DIR / "keys" / "jwt-public.pem"))).read_text()
)

SIMPLE_JWT = {
    "ALGORITHM": "RS256",  # the only algorithm accepted: HS256 or "none" tokens are rejected
    "SIGNING_KEY": None,  # this service never signs
    "VERIFYING_KEY": JWT_PUBLIC_KEY,
    "ISSUER": env.str("JWT_ISSUER", default="algocode-auth"),
    "AUDIENCE": env.str("JWT_AUDIENCE", default="algocode"),
    "LEEWAY": 5,  # seconds of clock skew tolerated on exp/iat
    "AUTH_HEADER_TYPES": ("Bearer",),
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "user_id",
    "TOKEN_TYPE_CLAIM": "token_type",  # with AccessToken below, a refresh token is refused
    "AUTH_TOKEN_CLASSES": ("rest_framework_simplejwt.tokens.AccessToken",),
    "TOKEN_USER_CLASS": "rest_framework_simplejwt.models.TokenUser",
}
REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"] = [
    "rest_framework_simplejwt.authentication.JWTStatelessUserAuthentication",
]
REST_FRAMEWORK["DEFAULT_AUTHENTICATION_CLASSES"] = ["code_manager.common.auth.JWTAuthentication"]
# The deny-list of deactivated users keeps an entry as long as a token issued before it can live:
# the auth service's access-token lifetime (same variable) plus the leeway.
JWT_ACCESS_MINUTES = env.int("JWT_ACCESS_MINUTES", default=10)
USER_DENY_TTL_SECONDS = JWT_ACCESS_MINUTES * 60 + SIMPLE_JWT["LEEWAY"]

SPECTACULAR_SETTINGS = {
    "TITLE": "Algocode code manager API",
    "DESCRIPTION": "Problems, submissions and results. Authenticate with the auth service's access token.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    # Request bodies get their own components, which carry what only inputs have (minLength 1 for a
    # field that refuses "", write-only fields): the schema says what the validation refuses.
    "COMPONENT_SPLIT_REQUEST": True,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}

# ---- observability (docs/observability.md) -----------------------------------------------------------
# JSON lines on stdout by default; LOG_FORMAT=plain for humans. /metrics is served at the root, outside
# /api/, so a proxy that forwards only /api/ never exposes it.
LOGGING = logging_config(
    log_format=env.str("LOG_FORMAT", default="json"),
    level=env.str("LOG_LEVEL", default="INFO"),
    quiet={"pika": "WARNING"},
)
PROMETHEUS_EXPORT_MIGRATIONS = False
# /metrics answers only `Authorization: Bearer <METRICS_TOKEN>`; unset, it answers 404 (metrics off).
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")
# /internal/v1/test-data/<sha256> answers only `Authorization: Bearer <TEST_DATA_TOKEN>` (the judge workers'
# ALGOCODE_TEST_DATA_TOKEN); unset, it answers 404 and jobs with tests by reference cannot be judged.
TEST_DATA_TOKEN = env.str("TEST_DATA_TOKEN", default="")
# Processes that share PROMETHEUS_MULTIPROC_DIR (gunicorn's workers, the result consumer) write their
# metrics there; whichever starts first creates it (config/gunicorn.py sweeps dead processes' files).
if env.str("PROMETHEUS_MULTIPROC_DIR", default=""):
    Path(env.str("PROMETHEUS_MULTIPROC_DIR")).mkdir(parents=True, exist_ok=True)
