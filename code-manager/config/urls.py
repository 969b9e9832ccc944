"""URL map of the code manager: every API under /api/v1/, /metrics at the root, JSON error handlers."""

from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from code_manager.common.apis import metrics_export
from code_manager.problems.internal import test_data_export

urlpatterns = [
    path("api/v1/", include("code_manager.problems.urls")),
    path("api/v1/", include("code_manager.submissions.urls")),
    path("api/v1/", include("code_manager.languages.urls")),
    path("api/v1/common/", include("code_manager.common.urls")),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="schema"),
    path("api/v1/docs/", SpectacularSwaggerView.as_view(url_name="schema"), name="swagger-ui"),
    # Outside /api/ (nginx does not route it), and only with the bearer METRICS_TOKEN (docs/observability.md).
    path("metrics", metrics_export, name="metrics"),
    # Test data for the judge workers (ADR 0150): outside /api/, nginx answers /internal/ with 404.
    path("internal/v1/test-data/<str:sha256>", test_data_export, name="test-data"),
]

handler400 = "code_manager.common.errors.bad_request_view"
handler403 = "code_manager.common.errors.permission_denied_view"
handler404 = "code_manager.common.errors.not_found_view"
handler500 = "code_manager.common.errors.server_error_view"
