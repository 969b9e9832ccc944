"""How a user is shown to themselves (login response and `user/`) and what an update may contain."""

from rest_framework import serializers

from auth_service.core.fields import StrictCharField
from auth_service.users.models import User, username_not_reserved, username_validator
from auth_service.users.selectors import user_email_verified


class UserDetailsSerializer(serializers.ModelSerializer):
    """Output only: updates go through UserProfileUpdateSerializer and the service."""

    pk = serializers.UUIDField(source="id", read_only=True)
    email_verified = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ("pk", "username", "email", "first_name", "last_name", "is_staff", "email_verified")
        read_only_fields = fields

    def get_email_verified(self, user: User) -> bool:
        return user_email_verified(user=user)


class UserProfileUpdateSerializer(serializers.Serializer):
    username = StrictCharField(max_length=30, validators=[username_validator, username_not_reserved])
    first_name = StrictCharField(max_length=50, allow_blank=True)
    last_name = StrictCharField(max_length=50, allow_blank=True)
