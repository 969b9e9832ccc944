"""URL map of `/api/v1/auth/` (paths kept from the original auth service)."""

from django.urls import path

from auth_service.accounts import apis
from auth_service.tokens.apis import TokenRefreshApi, TokenVerifyApi
from auth_service.users.apis import UserDeactivateApi, UserDeleteApi, UserMeApi

urlpatterns = [
    path("registration/", apis.RegisterApi.as_view(), name="rest_register"),
    path("registration/verify-email/", apis.VerifyEmailApi.as_view(), name="rest_verify_email"),
    path("registration/resend-email/", apis.ResendEmailApi.as_view(), name="rest_resend_email"),
    path(
        "registration/account-confirm-email/<str:key>/",
        apis.ConfirmEmailApi.as_view(),
        name="account_confirm_email",
    ),
    path(
        "registration/account-email-verification-sent/",
        apis.EmailVerificationSentApi.as_view(),
        name="account_email_verification_sent",
    ),
    path("login/", apis.LoginApi.as_view(), name="rest_login"),
    path("logout/", apis.LogoutApi.as_view(), name="rest_logout"),
    path("token/refresh/", TokenRefreshApi.as_view(), name="token_refresh"),
    path("token/verify/", TokenVerifyApi.as_view(), name="token_verify"),
    path("password/change/", apis.PasswordChangeApi.as_view(), name="rest_password_change"),
    path("password/reset/", apis.PasswordResetApi.as_view(), name="rest_password_reset"),
    path(
        "password/reset/confirm/", apis.PasswordResetConfirmApi.as_view(), name="rest_password_reset_confirm"
    ),
    path(
        "password/reset/confirm/<str:uidb64>/<str:token>/",
        apis.PasswordResetLinkApi.as_view(),
        name="password_reset_confirm",
    ),
    path("user/", UserMeApi.as_view(), name="rest_user_details"),
    path("user/delete/", UserDeleteApi.as_view(), name="user_delete"),
    path("users/<uuid:user_id>/deactivate/", UserDeactivateApi.as_view(), name="user_deactivate"),
]
