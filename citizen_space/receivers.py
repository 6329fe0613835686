"""After a FranceConnect sign-in or linking, the certified identity fills the profile."""

from allauth.account.signals import user_logged_in
from allauth.socialaccount.signals import social_account_added
from django.dispatch import receiver

from .franceconnect.claims import identity_claims
from .services.account import profile_certify_identity


@receiver(user_logged_in, dispatch_uid="citizen_space_certify_on_sign_in")
@receiver(social_account_added, dispatch_uid="citizen_space_certify_on_link")
def certify_identity(sender, request, sociallogin=None, **kwargs):
    if sociallogin is not None:
        profile_certify_identity(user=sociallogin.user, claims=identity_claims(sociallogin))
