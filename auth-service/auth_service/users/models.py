"""The custom user: UUID primary key, validated unique username, case-insensitively unique e-mail."""

import uuid
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

username_validator = RegexValidator(
    regex=r"^[A-Za-z0-9_.-]{3,30}\Z",
    message="Usernames are 3-30 characters: letters, digits, '_', '.' and '-'.",
    code="invalid_username",
)


def username_not_reserved(username: str) -> None:
    """Names that would pass for the platform (admin, support, ...) are not for users to take
    (threat-model.md #55). Checked where users choose a name, not on the model: staff accounts may."""
    if username.lower() in settings.RESERVED_USERNAMES:
        raise ValidationError("This username is reserved.", code="reserved_username")


def email_normalize(email: str) -> str:
    """E-mail addresses are stored lower-cased so equality, uniqueness and lookups agree."""
    return email.strip().lower()


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def create_user(
        self, *, username: str, email: str, password: str | None = None, **extra: object
    ) -> "User":
        user = self.model(username=username, email=email_normalize(email), **extra)
        user.set_password(password)
        user.full_clean(exclude=["password"])
        user.save(using=self._db)
        return user

    def create_superuser(
        self, *, username: str, email: str, password: str | None = None, **extra: object
    ) -> "User":
        extra.update(is_staff=True, is_superuser=True)
        return self.create_user(username=username, email=email, password=password, **extra)


class User(AbstractBaseUser, PermissionsMixin):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    username = models.CharField(max_length=30, unique=True, validators=[username_validator])
    email = models.EmailField(max_length=254, unique=True)
    first_name = models.CharField(max_length=50, blank=True)
    last_name = models.CharField(max_length=50, blank=True)
    is_staff = models.BooleanField(default=False)
    is_active = models.BooleanField(default=True)
    date_joined = models.DateTimeField(default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["username"]

    class Meta:
        constraints = [
            # Case-insensitive uniqueness enforced by the database, not only by form validation.
            models.UniqueConstraint(Lower("email"), name="users_user_email_ci_unique"),
            models.UniqueConstraint(Lower("username"), name="users_user_username_ci_unique"),
        ]

    def __str__(self) -> str:
        return self.username

    def save(self, *args: Any, **kwargs: Any) -> None:
        self.email = email_normalize(self.email)
        super().save(*args, **kwargs)


class DeactivationReason(models.TextChoices):
    DELETED = "deleted"  # the user deleted the account (or staff deleted it)
    DEACTIVATED = "deactivated"  # staff deactivated it


class UserEvent(models.Model):
    """Outbox of `user.deactivated/v1` (docs/adr/0101): written in the transaction that deactivates or
    deletes the user, published after commit; a row stays pending until the broker confirmed it.

    `user_id` is plain text, not a foreign key: the event outlives a deleted user.
    """

    user_id = models.CharField(max_length=64)
    reason = models.CharField(max_length=16, choices=DeactivationReason.choices)
    deactivated_at = models.DateTimeField()
    published_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.CharField(max_length=500, blank=True)

    class Meta:
        indexes = [
            models.Index(
                fields=["id"], condition=models.Q(published_at__isnull=True), name="users_event_pending"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reason} {self.user_id} at {self.deactivated_at:%Y-%m-%d %H:%M:%S}"
