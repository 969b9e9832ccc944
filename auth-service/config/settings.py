"""The auth service's only settings module: every value comes from the environment via django-environ.

Variables are listed in docs/auth.md; defaults are the safe local ones (DEBUG off, SQLite under var/).
"""

import os
import secrets
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

from algocode_contracts.logs import logging_config

BASE_DIR = Path(__file__).resolve().parent.parent
env = environ.Env()

# The repository root holds var/ (keys, mail, SQLite); a deployment may point it elsewhere.
ALGOCODE_ROOT = Path(env.str("ALGOCODE_ROOT", default=str(BASE_DIR.parent)))
VAR_DIR = Path(env.str("ALGOCODE_VAR_DIR", default=str(ALGOCODE_ROOT / "var")))

DEBUG = env.bool("DJANGO_DEBUG", default=False)
# pytest (>= 8.2) exports PYTEST_VERSION before any settings are imported.
TESTING = "PYTEST_VERSION" in os.environ

# The secret signs sessions, password-reset and e-mail-verification links: it is required everywhere
# except in DEBUG (a fixed, well-known development value) and in tests (a random one per run).
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
if not SECRET_KEY:
    if DEBUG:
        SECRET_KEY = "django-insecure-algocode-auth-development-only"  # noqa: S105
    elif TESTING:
        SECRET_KEY = secrets.token_urlsafe(50)
    else:
        raise ImproperlyConfigured("DJANGO_SECRET_KEY is required unless DJANGO_DEBUG=1")

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "rest_framework",
    "rest_framework_simplejwt.token_blacklist",
    "allauth",
    "allauth.account",
    # dj-rest-auth's registration serializers import socialaccount models even without social login.
    "allauth.socialaccount",
    "dj_rest_auth",
    "dj_rest_auth.registration",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_prometheus",
    "auth_service.core",
    "auth_service.users",
    "auth_service.tokens",
    "auth_service.accounts",
]

MIDDLEWARE = [
    "auth_service.core.middleware.UrlLengthMiddleware",
    "django_prometheus.middleware.PrometheusBeforeMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_prometheus.middleware.PrometheusAfterMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Our e-mail texts (links to the web client, and the API link for API clients) before allauth's.
        "DIRS": [BASE_DIR / "auth_service" / "accounts" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# PostgreSQL in tests and production; a SQLite file for `make up` when DATABASE_URL is unset. Tests
# default to the real local PostgreSQL (pytest-django creates and drops test_algocode_auth); this
# lives here, not in conftest.py, because pytest-django connects before conftest.py is imported.
TEST_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/algocode_auth"
DATABASES = {
    "default": env.db_url(
        "DATABASE_URL", default=TEST_DATABASE_URL if TESTING else f"sqlite:///{VAR_DIR / 'auth.sqlite3'}"
    )
}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DATABASE_CONN_MAX_AGE", default=60))
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several gunicorn threads write at once under `make up` (docs/adr/0100, threat-model.md #49):
    # WAL lets readers run beside the one writer; IMMEDIATE takes the write lock when a transaction
    # begins, so a writer waits (busy timeout) instead of failing with "database is locked" when a
    # read lock cannot be upgraded.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": env.int("SQLITE_BUSY_TIMEOUT_SECONDS", default=20),
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        }
    )
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Throttling (ours and allauth's) counts in this cache: locmem is per process, so several gunicorn
# workers need a shared one, e.g. CACHE_URL=rediscache://127.0.0.1:6379/2. Every key is prefixed.
# Tests always use locmem: they clear the cache, which must never flush a shared Redis database.
CACHES = {
    "default": env.cache_url("CACHE_URL", default="locmemcache://algocode-auth")
    if not TESTING
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
}
CACHES["default"]["KEY_PREFIX"] = env.str("CACHE_KEY_PREFIX", default="algocode-auth")

AUTH_USER_MODEL = "users.User"
# allauth's backend alone (it extends ModelBackend, so admin permissions still work): with Django's
# ModelBackend in front, a failed login would hash the password twice.
AUTHENTICATION_BACKENDS = ["allauth.account.auth_backends.AuthenticationBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = env.str("STATIC_URL", default="/api/v1/auth/static/")
# Only for `collectstatic` in images; locally WhiteNoise serves from the app directories.
STATIC_ROOT = env.str("STATIC_ROOT", default="") or None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG

SITE_ID = 1
ADMIN_URL = env.str("ADMIN_URL", default="api/v1/auth/admin/").lstrip("/")

# ---- e-mail: SMTP via EMAIL_URL in deployments; files under var/mail/ otherwise ------------------
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Algocode <no-reply@algocode.local>")
if "EMAIL_URL" in os.environ:
    vars().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = str(VAR_DIR / "mail")

# ---- allauth 65 / dj-rest-auth 7.2 ---------------------------------------------------------------
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "username*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_USERNAME_MIN_LENGTH = 3
ACCOUNT_EMAIL_CONFIRMATION_EXPIRE_DAYS = env.int("EMAIL_CONFIRMATION_EXPIRE_DAYS", default=1)
ACCOUNT_CONFIRM_EMAIL_ON_GET = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Algocode] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = env.str("ACCOUNT_DEFAULT_HTTP_PROTOCOL", default="http")
ACCOUNT_ADAPTER = "auth_service.accounts.adapter.AccountAdapter"

REST_AUTH = {
    "USE_JWT": True,
    "TOKEN_MODEL": None,
    # With the default True the JSON "refresh" is empty (cookie only); clients here are API clients.
    "JWT_AUTH_HTTPONLY": False,
    "JWT_AUTH_COOKIE": None,
    "JWT_AUTH_REFRESH_COOKIE": None,
    "SESSION_LOGIN": False,
    "OLD_PASSWORD_FIELD_ENABLED": True,
    "LOGOUT_ON_PASSWORD_CHANGE": False,
    "USER_DETAILS_SERIALIZER": "auth_service.users.serializers.UserDetailsSerializer",
    "LOGIN_SERIALIZER": "auth_service.accounts.serializers.LoginSerializer",
    "REGISTER_SERIALIZER": "auth_service.accounts.serializers.RegisterSerializer",
    "JWT_TOKEN_CLAIMS_SERIALIZER": "auth_service.tokens.serializers.TokenClaimsSerializer",
}

# ---- the web client (docs/web.md, ADR 0120) ----------------------------------------------------------
# E-mailed links (verification, password reset) open the web client, which calls the API.
WEB_URL = env.str("WEB_URL", default="http://127.0.0.1:8080").rstrip("/")
# The web client's refresh token lives in this httpOnly, SameSite=Strict cookie, sent only to the auth
# API. Secure by default: browsers treat http://127.0.0.1 and http://localhost as secure contexts and
# keep Secure cookies there; set AUTH_COOKIE_SECURE=0 only for a plain-HTTP host name.
AUTH_REFRESH_COOKIE = env.str("AUTH_REFRESH_COOKIE", default="algocode_refresh")
AUTH_COOKIE_SECURE = env.bool("AUTH_COOKIE_SECURE", default=True)
AUTH_COOKIE_PATH = "/api/v1/auth/"

# ---- JWT (RS256). Keys are read lazily by auth_service.tokens.keyring, so tests can supply theirs. --
JWT_PRIVATE_KEY = env.str("JWT_PRIVATE_KEY", default="", multiline=True)
JWT_PRIVATE_KEY_FILE = env.str("JWT_PRIVATE_KEY_FILE", default=str(VAR_DIR / "keys" / "jwt-private.pem"))
JWT_PUBLIC_KEY = env.str("JWT_PUBLIC_KEY", default="", multiline=True)
JWT_PUBLIC_KEY_FILE = env.str("JWT_PUBLIC_KEY_FILE", default=str(VAR_DIR / "keys" / "jwt-public.pem"))
# Public keys still published in the JWKS (and accepted here) while tokens signed with them live.
JWT_PREVIOUS_PUBLIC_KEYS = env.str("JWT_PREVIOUS_PUBLIC_KEYS", default="", multiline=True)
JWT_PREVIOUS_PUBLIC_KEYS_FILE = env.str("JWT_PREVIOUS_PUBLIC_KEYS_FILE", default="")
JWT_KID = env.str("JWT_KID", default="")
JWT_ISSUER = env.str("JWT_ISSUER", default="algocode-auth")
JWT_AUDIENCE = env.str("JWT_AUDIENCE", default="algocode")

SIMPLE_JWT = {
    "ALGORITHM": "RS256",
    # No SIGNING_KEY/VERIFYING_KEY here: our token classes sign and verify through the keyring. Any
    # code path still using simplejwt's global backend fails closed (RS256 with no usable key).
    "SIGNING_KEY": None,
    "VERIFYING_KEY": None,
    "ISSUER": JWT_ISSUER,
    "AUDIENCE": JWT_AUDIENCE,
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=env.int("JWT_ACCESS_MINUTES", default=10)),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=env.int("JWT_REFRESH_DAYS", default=7)),
    "ROTATE_REFRESH_TOKENS": True,
    "BLACKLIST_AFTER_ROTATION": True,
    "USER_ID_FIELD": "id",
    "USER_ID_CLAIM": "user_id",
    "TOKEN_TYPE_CLAIM": "token_type",
    "JTI_CLAIM": "jti",
    "AUTH_HEADER_TYPES": ("Bearer",),
    "AUTH_TOKEN_CLASSES": ("auth_service.tokens.tokens.AccessToken",),
    "TOKEN_REFRESH_SERIALIZER": "auth_service.tokens.serializers.TokenRefreshSerializer",
    "TOKEN_VERIFY_SERIALIZER": "auth_service.tokens.serializers.TokenVerifySerializer",
}

# ---- DRF ----------------------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework_simplejwt.authentication.JWTAuthentication"],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": ["auth_service.core.parsers.BoundedJSONParser"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "auth_service.core.errors.exception_handler",
    # Behind a reverse proxy set this to the number of proxies so the client IP comes from
    # X-Forwarded-For; 0 means REMOTE_ADDR only (a client cannot spoof its throttle key).
    "NUM_PROXIES": env.int("NUM_PROXIES", default=0),
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

LOGIN_THROTTLE_IP_RATE = env.str("LOGIN_THROTTLE_IP_RATE", default="10/min")
LOGIN_THROTTLE_EMAIL_RATE = env.str("LOGIN_THROTTLE_EMAIL_RATE", default="5/min")
# Sign-up, resend-email and password reset send mail: limit floods of a victim's inbox.
MAIL_THROTTLE_IP_RATE = env.str("MAIL_THROTTLE_IP_RATE", default="20/hour")
MAIL_THROTTLE_EMAIL_RATE = env.str("MAIL_THROTTLE_EMAIL_RATE", default="5/hour")
# A client refreshes once per access-token lifetime (10 min); a flood of refreshes is refused per user.
REFRESH_THROTTLE_USER_RATE = env.str("REFRESH_THROTTLE_USER_RATE", default="20/min")
# `PATCH user/` with a username tells whether it is taken: bounded per user (threat-model.md #55).
USERNAME_THROTTLE_USER_RATE = env.str("USERNAME_THROTTLE_USER_RATE", default="10/hour")
# Usernames nobody may register or take (compared case-insensitively); staff accounts from
# `create_staff_user` are exempt.
RESERVED_USERNAMES = frozenset(
    name.lower()
    for name in env.list(
        "RESERVED_USERNAMES",
        default=[
            "admin", "administrator", "root", "staff", "support", "algocode", "system", "moderator",
            "security", "help", "info", "api", "auth", "webmaster", "postmaster", "hostmaster",
            "abuse", "noreply", "no-reply", "null", "undefined", "anonymous", "owner", "official",
        ],
    )
)  # fmt: skip
# Largest JSON nesting a request body may have (deeper → 400; threat-model.md #51).
MAX_JSON_DEPTH = env.int("MAX_JSON_DEPTH", default=32)
# Longest request path + query string (longer → JSON 414). gunicorn's own limit is lifted
# (deploy/run-local.sh) so that this JSON answer, not gunicorn's HTML one, is what clients get.
MAX_URL_BYTES = env.int("MAX_URL_BYTES", default=4096)

SPECTACULAR_SETTINGS = {
    "TITLE": "Algocode auth service",
    "DESCRIPTION": "Registration, e-mail verification, login and RS256 JWTs for Algocode.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.AllowAny"],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "auth_service.core.openapi.add_error_responses",
    ],
}

# ---- observability (docs/observability.md) -------------------------------------------------------
# One JSON object per line on stdout (gunicorn's access lines included); LOG_FORMAT=plain for humans.
LOGGING = logging_config(
    log_format=env.str("LOG_FORMAT", default="json"), level=env.str("LOG_LEVEL", default="INFO")
)
# /metrics is served at the root, outside /api/: the proxy forwards only /api/ and /.well-known/. With
# several gunicorn workers set PROMETHEUS_MULTIPROC_DIR (an empty directory, cleaned before start).
PROMETHEUS_EXPORT_MIGRATIONS = False
# /metrics answers only `Authorization: Bearer <METRICS_TOKEN>`; unset, it answers 404 to everyone.
METRICS_TOKEN = env.str("METRICS_TOKEN", default="")

# ---- user events (docs/messaging.md): user.deactivated/v1 to RabbitMQ, through an outbox ----------
AMQP_URL = env.str("AMQP_URL", default="amqp://guest:guest@127.0.0.1:5672/%2F?heartbeat=30")

if not DEBUG:
    SESSION_COOKIE_HTTPONLY = True
    SECURE_CONTENT_TYPE_NOSNIFF = True
    X_FRAME_OPTIONS = "DENY"
