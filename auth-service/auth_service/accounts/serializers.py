"""Input serializers for registration and login, plugged into dj-rest-auth's views."""

from typing import Any

from allauth.account.adapter import get_adapter
from allauth.account.utils import setup_user_email
from dj_rest_auth.registration.serializers import RegisterSerializer as DjRestAuthRegisterSerializer
from dj_rest_auth.serializers import LoginSerializer as DjRestAuthLoginSerializer
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import IntegrityError, transaction
from rest_framework import serializers

from auth_service.core.fields import StrictCharField, StrictEmailField
from auth_service.users.models import User, email_normalize, username_not_reserved, username_validator
from auth_service.users.selectors import user_get_by_email


class RegisterSerializer(DjRestAuthRegisterSerializer):
    username = StrictCharField(
        min_length=3, max_length=30, validators=[username_validator, username_not_reserved]
    )
    email = StrictEmailField(max_length=254)
    password1 = StrictCharField(write_only=True, style={"input_type": "password"})
    password2 = StrictCharField(write_only=True, style={"input_type": "password"})
    first_name = StrictCharField(max_length=50, required=False, allow_blank=True, default="")
    last_name = StrictCharField(max_length=50, required=False, allow_blank=True, default="")

    def validate_email(self, email: str) -> str:
        email = email_normalize(super().validate_email(email))
        # dj-rest-auth only refuses *verified* duplicates; an account is one e-mail, verified or not.
        if user_get_by_email(email=email) is not None:
            raise serializers.ValidationError("A user is already registered with this e-mail address.")
        return email

    def get_cleaned_data(self) -> dict[str, Any]:
        return {
            **super().get_cleaned_data(),
            "first_name": self.validated_data.get("first_name", ""),
            "last_name": self.validated_data.get("last_name", ""),
        }

    def save(self, request: Any) -> User:
        adapter = get_adapter()
        user = adapter.new_user(request)
        self.cleaned_data = self.get_cleaned_data()
        user = adapter.save_user(request, user, self, commit=False)
        try:
            adapter.clean_password(self.cleaned_data["password1"], user=user)
        except DjangoValidationError as exc:
            raise serializers.ValidationError({"password1": list(exc.messages)}) from exc
        try:
            with transaction.atomic():
                user.save()
                setup_user_email(request, user, [])
        except IntegrityError as exc:
            # Two sign-ups raced past validation; the database constraint decided.
            raise serializers.ValidationError(
                {"detail": "A user with this e-mail address or username already exists."}
            ) from exc
        return user


class LoginSerializer(DjRestAuthLoginSerializer):
    """`{email, password}` only (the original API); e-mail is matched case-insensitively."""

    username = None
    email = StrictEmailField()
    password = StrictCharField(style={"input_type": "password"}, trim_whitespace=False)


class ResendEmailSerializer(serializers.Serializer):
    email = StrictEmailField()

    def validate_email(self, email: str) -> str:
        return email_normalize(email)
