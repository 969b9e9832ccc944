"""Writes on users: profile updates by their owner, staff accounts from configuration, and the end of an
account (self-service deletion, staff deactivation) with its `user.deactivated/v1` event (threat-model.md
#54, docs/adr/0101)."""

import logging
from typing import Any, Literal, cast

from allauth.account.models import EmailAddress
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from algocode_contracts import UserDeactivated
from auth_service.core.errors import ApplicationError, ErrorCode
from auth_service.tokens.services import user_refresh_tokens_revoke_all
from auth_service.users.messaging import BrokerUnavailable, user_events_send
from auth_service.users.models import DeactivationReason, User, UserEvent, email_normalize
from auth_service.users.selectors import user_events_pending, user_get_by_email, username_taken

logger = logging.getLogger(__name__)

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


def _user_end_record(*, user: User, reason: DeactivationReason) -> None:
    """In the caller's transaction: revoke the refresh tokens, queue the event, publish it after commit."""
    user_refresh_tokens_revoke_all(user=user)
    UserEvent.objects.create(user_id=str(user.pk), reason=reason, deactivated_at=timezone.now())
    transaction.on_commit(user_events_publish)


@transaction.atomic
def user_deactivate(*, user: User) -> None:
    """Staff deactivation: the account stays (and can be reactivated) but nothing of it works."""
    if not user.is_active:
        return
    user.is_active = False
    user.save(update_fields=["is_active"])
    _user_end_record(user=user, reason=DeactivationReason.DEACTIVATED)


def user_deactivation_record(*, user: User) -> None:
    """The admin already saved `is_active=False` (its change form): record the end of the account."""
    _user_end_record(user=user, reason=DeactivationReason.DEACTIVATED)


@transaction.atomic
def user_delete(*, user: User) -> None:
    """Delete the account and its e-mail addresses; its blacklisted tokens stay blacklisted."""
    _user_end_record(user=user, reason=DeactivationReason.DELETED)
    user.delete()


def user_account_delete(*, user: User, password: str) -> None:
    """Self-service deletion: only with the account's password (a stolen access token is not enough)."""
    if not user.check_password(password):
        raise ApplicationError("Wrong password.", extra={"password": ["Wrong password."]})
    user_delete(user=user)


def user_events_publish(*, limit: int = 500) -> int:
    """Publish pending outbox events (oldest first) and mark them published; returns how many.

    No transaction is held while talking to the broker (under SQLite that would block every writer).
    Two processes draining at once may both publish an event: receivers treat it idempotently.
    A broker failure leaves the events pending for the next drain (`manage.py publish_user_events`).
    """
    pending = user_events_pending(limit=limit)
    if not pending:
        return 0
    events = [
        UserDeactivated(
            user_id=e.user_id,
            deactivated_at=e.deactivated_at,
            reason=cast(Literal["deleted", "deactivated"], e.reason),
        )
        for e in pending
    ]
    ids = [event.pk for event in pending]
    try:
        user_events_send(events)
    except BrokerUnavailable as exc:
        logger.error("user events not published yet (%d pending, kept in the outbox): %s", len(ids), exc)
        UserEvent.objects.filter(pk__in=ids).update(attempts=F("attempts") + 1, last_error=str(exc)[:500])
        return 0
    UserEvent.objects.filter(pk__in=ids, published_at__isnull=True).update(
        published_at=timezone.now(), last_error=""
    )
    return len(ids)
