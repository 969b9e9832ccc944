"""Language routes."""

from django.urls import path

from code_manager.languages.apis import LanguageListApi

urlpatterns = [path("languages/", LanguageListApi.as_view(), name="language-list")]
