"""allauth adapter: e-mail addresses are compared and stored lower-cased, like the user model does, and
e-mailed links open the web client (the API link stays in the mail for API clients)."""

from typing import Any

from allauth.account.adapter import DefaultAccountAdapter

from auth_service.accounts.services import email_links_to_web_client
from auth_service.users.models import email_normalize


class AccountAdapter(DefaultAccountAdapter):
    def clean_email(self, email: str) -> str:
        return super().clean_email(email_normalize(email))

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        super().send_mail(template_prefix, email, email_links_to_web_client(context))
