"""Serializers plugged into dj-rest-auth and simplejwt so that every token goes through our services."""

from typing import Any

from rest_framework import serializers
from rest_framework_simplejwt.serializers import TokenObtainPairSerializer

from auth_service.tokens import services
from auth_service.tokens.tokens import RefreshToken


class TokenClaimsSerializer(TokenObtainPairSerializer):
    """dj-rest-auth's login calls `get_token(user)` on this class: our refresh token with our claims."""

    token_class = RefreshToken


class TokenRefreshSerializer(serializers.Serializer):
    refresh = serializers.CharField(write_only=True)
    access = serializers.CharField(read_only=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, str]:
        pair = services.refresh_token_rotate(raw_token=attrs["refresh"])
        return {"access": pair.access, "refresh": pair.refresh}


class TokenVerifySerializer(serializers.Serializer):
    token = serializers.CharField(write_only=True)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        services.token_verify(raw_token=attrs["token"])
        return {}
