"""Submission routes (original paths kept: code/submit/, result/check/<id>/)."""

from django.urls import path

from code_manager.submissions import apis, stats_apis

urlpatterns = [
    path("code/submit/", apis.SubmitApi.as_view(), name="code-submit"),
    path("code/run/", apis.RunApi.as_view(), name="code-run"),
    path("result/check/<str:submission_id>/", apis.ResultCheckApi.as_view(), name="result-check"),
    path("submissions/", apis.SubmissionListApi.as_view(), name="submission-list"),
    path("submissions/<str:submission_id>/rejudge/", apis.RejudgeApi.as_view(), name="submission-rejudge"),
    path("users/me/stats/", stats_apis.UserStatsApi.as_view(), name="user-stats"),
]
