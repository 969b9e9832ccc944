"""Root URL map: the auth API, JWKS, OpenAPI/Swagger, admin, /metrics, and JSON error handlers."""

from django.conf import settings
from django.contrib import admin
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from auth_service.accounts.admin_login import admin_login
from auth_service.core.apis import HealthcheckApi
from auth_service.core.metrics import metrics_api
from auth_service.tokens.apis import jwks_api

urlpatterns = [
    path("api/v1/auth/healthcheck/", HealthcheckApi.as_view(), name="healthcheck"),
    path("api/v1/auth/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/v1/auth/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    path("api/v1/auth/", include("auth_service.accounts.urls")),
    path(".well-known/jwks.json", jwks_api, name="jwks"),
    path(f"{settings.ADMIN_URL}login/", admin_login, name="admin_login_throttled"),
    path(settings.ADMIN_URL, admin.site.urls),
    # Outside /api/ (nginx does not route it) and behind METRICS_TOKEN (docs/observability.md).
    path("metrics", metrics_api, name="metrics"),
]

handler400 = "auth_service.core.errors.json_bad_request"
handler403 = "auth_service.core.errors.json_permission_denied"
handler404 = "auth_service.core.errors.json_not_found"
handler500 = "auth_service.core.errors.json_server_error"
