"""Writes on users: profile updates by their owner, and staff accounts from configuration."""

from typing import Any

from allauth.account.models import EmailAddress
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from auth_service.core.errors import ApplicationError, ErrorCode
from auth_service.users.models import User, email_normalize
from auth_service.users.selectors import user_get_by_email, username_taken

PROFILE_WRITABLE_FIELDS = frozenset({"username", "first_name", "last_name"})


def user_profile_update(*, user: User, data: dict[str, Any]) -> User:
    """Apply an owner's profile change; anything but username/first_name/last_name is refused whole."""
    refused = sorted(set(data) - PROFILE_WRITABLE_FIELDS)
    if refused:
        raise ApplicationError(
            f"These fields cannot be changed here: {', '.join(refused)}.",
            code=ErrorCode.READ_ONLY_FIELDS,
            extra={"fields": refused},
        )
    if "username" in data and username_taken(username=data["username"], exclude=user):
        raise ApplicationError(
            "A user with that username already exists.", extra={"username": ["already taken"]}
        )
    for field, value in data.items():
        setattr(user, field, value)
    try:
        user.full_clean(exclude=["password"], validate_unique=False, validate_constraints=False)
        with transaction.atomic():
            user.save(update_fields=[*data.keys()])
    except ValidationError as exc:
        user.refresh_from_db()
        field, messages = next(iter(exc.message_dict.items()))
        raise ApplicationError(f"{field}: {messages[0]}", extra=exc.message_dict) from exc
    except IntegrityError as exc:  # a concurrent update took the username first
        user.refresh_from_db()
        raise ApplicationError("A user with that username already exists.") from exc
    return user


@transaction.atomic
def staff_user_upsert(*, email: str, username: str, password: str) -> tuple[User, bool]:
    """Create or update the staff account with this e-mail: verified, staff, superuser. Idempotent."""
    email = email_normalize(email)
    user = user_get_by_email(email=email)
    created = user is None
    if user is None:
        user = User(email=email)
    user.username = username
    user.is_staff = True
    user.is_superuser = True
    user.is_active = True
    validate_password(password, user)  # the most powerful account gets no weaker password than others
    user.set_password(password)
    user.full_clean(exclude=["password"], validate_unique=False)
    user.save()
    address, _ = EmailAddress.objects.get_or_create(
        user=user, email=email, defaults={"verified": True, "primary": True}
    )
    if not (address.verified and address.primary):
        address.verified = True
        address.primary = True
        address.save(update_fields=["verified", "primary"])
    return user, created
