"""The custom user: UUID primary key, validated unique username, case-insensitively unique e-mail."""

import uuid
from typing import Any

from django.contrib.auth.models import AbstractBaseUser, BaseUserManager, PermissionsMixin
from django.core.validators import RegexValidator
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone

username_validator = RegexValidator(
    regex=r"^[A-Za-z0-9_.-]{3,30}\Z",
    message="Usernames are 3-30 characters: letters, digits, '_', '.' and '-'.",
    code="invalid_username",
)


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
