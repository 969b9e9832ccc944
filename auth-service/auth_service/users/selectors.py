"""Read-side queries about users."""

from allauth.account.models import EmailAddress

from auth_service.users.models import User, UserEvent, email_normalize


def user_email_verified(*, user: User) -> bool:
    return EmailAddress.objects.filter(user=user, email__iexact=user.email, verified=True).exists()


def user_get_by_email(*, email: str) -> User | None:
    return User.objects.filter(email__iexact=email_normalize(email)).first()


def username_taken(*, username: str, exclude: User | None = None) -> bool:
    users = User.objects.filter(username__iexact=username)
    if exclude is not None:
        users = users.exclude(pk=exclude.pk)
    return users.exists()


def user_events_pending(*, limit: int) -> list[UserEvent]:
    return list(UserEvent.objects.filter(published_at__isnull=True).order_by("id")[:limit])
