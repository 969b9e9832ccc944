"""Routes of the common app (original path kept: common/healthcheck/)."""

from django.urls import path

from code_manager.common.apis import HealthCheckApi

urlpatterns = [path("healthcheck/", HealthCheckApi.as_view(), name="healthcheck")]
