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
        # No uniqueness check here: whether an address has an account is never told (threat-model.md
        # #55); RegisterApi answers the same and mails the owner instead.
        return email_normalize(get_adapter().clean_email(email))

    def validate(self, data: dict[str, Any]) -> dict[str, Any]:
        data = super().validate(data)
        # Checked for new and existing addresses alike (similarity to the names given), so that both
        # get the same answers.
        candidate = User(
            username=data.get("username", ""),
            email=data.get("email", ""),
            first_name=data.get("first_name", ""),
            last_name=data.get("last_name", ""),
        )
        try:
            get_adapter().clean_password(data["password1"], user=candidate)
        except DjangoValidationError as exc:
            raise serializers.ValidationError({"password1": list(exc.messages)}) from exc
        return data

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
            with transaction.atomic():
                user.save()
                setup_user_email(request, user, [])
        except IntegrityError as exc:
            # Two sign-ups raced past validation; the database constraint decided.
            # The username, never the e-mail: which addresses have accounts is not told (#55).
            raise serializers.ValidationError(
                {"detail": "A user with that username already exists."}
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
