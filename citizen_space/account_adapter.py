"""The portal's allauth account adapter (``ACCOUNT_ADAPTER``)."""

from allauth.account.adapter import DefaultAccountAdapter

EMAIL_CHANGED = "account/email/email_changed"


class AccountAdapter(DefaultAccountAdapter):
    """Tells both addresses when the account's email changes (allauth tells the old one)."""

    def send_notification_mail(self, template_prefix, user, context=None, email=None):
        super().send_notification_mail(template_prefix, user, context=context, email=email)
        if template_prefix == EMAIL_CHANGED and context and context.get("to_email") != email:
            super().send_notification_mail(
                template_prefix, user, context=context, email=context["to_email"]
            )
