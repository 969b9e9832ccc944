"""allauth adapter: e-mail addresses are compared and stored lower-cased, like the user model does."""

from allauth.account.adapter import DefaultAccountAdapter

from auth_service.users.models import email_normalize


class AccountAdapter(DefaultAccountAdapter):
    def clean_email(self, email: str) -> str:
        return super().clean_email(email_normalize(email))
