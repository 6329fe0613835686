"""Keeps what logging out of FranceConnect needs in the session, once a sign-in succeeded."""

from allauth.account.signals import user_logged_in
from allauth.socialaccount.signals import social_account_added
from django.dispatch import receiver

from .oauth2 import LOGOUT_STATE_KEY
from .views import SESSION_KEY


@receiver(user_logged_in, dispatch_uid="franceconnect_signed_in")
@receiver(social_account_added, dispatch_uid="franceconnect_linked")
def remember_franceconnect_session(sender, request, sociallogin=None, **kwargs):
    """After a FranceConnect sign-in (or linking), keep its ID token and logout address."""
    if sociallogin is not None and LOGOUT_STATE_KEY in sociallogin.state:
        request.session[SESSION_KEY] = sociallogin.state[LOGOUT_STATE_KEY]
