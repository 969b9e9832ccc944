"""Problem routes (original paths kept: problem/all/, problem/<uuid>/)."""

from django.urls import path

from code_manager.problems import apis

urlpatterns = [
    path("problem/all/", apis.ProblemListApi.as_view(), name="problem-list"),
    path("problem/", apis.ProblemCreateApi.as_view(), name="problem-create"),
    path("problem/<str:problem_id>/tests/", apis.ProblemTestsApi.as_view(), name="problem-tests"),
    path("problem/<str:problem_id>/", apis.ProblemDetailApi.as_view(), name="problem-detail"),
]
