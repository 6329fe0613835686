"""The portal's allauth social-account adapter (``SOCIALACCOUNT_ADAPTER``)."""

import logging
import secrets

from allauth.account.models import EmailAddress
from allauth.account.utils import filter_users_by_email
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp
from allauth.socialaccount.providers.base import AuthProcess
from allauth.socialaccount.providers.base.constants import AuthError
from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from .errors import refusal_message
from .provider import FranceConnectProvider
from .selectors import franceconnect_app_for_request

FRANCECONNECT = FranceConnectProvider.id
logger = logging.getLogger(__name__)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    """FranceConnect per collectivity, safe account linking, clear refusals.

    Which app: FranceConnect is offered only on the portal of a collectivity that enabled it
    (`FranceConnectEnrolment`), with that collectivity's credentials; other providers (Google)
    are global.

    Linking a FranceConnect identity to an account (no takeover through an email address):

    - an identity already linked signs in to its account;
    - a signed-in citizen may link FranceConnect from their account ("connect"; allauth may ask
      for their password again first);
    - a signed-in citizen who uses the FranceConnect button gets it linked to their account
      only if the address FranceConnect sends is one of their *verified* addresses;
    - otherwise, if an account already uses the address FranceConnect sends, nothing is linked
      and nobody is signed in: the citizen is asked to sign in to that account with its
      password, then to link FranceConnect from it;
    - otherwise a new account is created from the FranceConnect identity (a citizen signed in
      to another account is signed out first, as allauth does).

    Matching by email alone never signs anybody in (``can_authenticate_by_email``).
    """

    def list_apps(self, request, provider=None, client_id=None):
        apps = super().list_apps(request, provider=provider, client_id=client_id)
        if request is None:
            return apps
        enabled = franceconnect_app_for_request(request)
        return [
            app
            for app in apps
            if app.provider != FRANCECONNECT or (enabled is not None and app.pk == enabled.pk)
        ]

    def get_provider(self, request, provider, client_id=None):
        try:
            return super().get_provider(request, provider, client_id=client_id)
        except SocialApp.DoesNotExist:
            if provider != FRANCECONNECT:
                raise
            # Linked identities are listed on every portal, FranceConnect enabled or not; the
            # sign-in views refuse (404) where it is not enabled.
            app = SocialApp(provider=FRANCECONNECT, name=FranceConnectProvider.name)
            return FranceConnectProvider(request, app=app)

    def can_authenticate_by_email(self, login, email) -> bool:
        if login.account.provider == FRANCECONNECT:
            return False
        return super().can_authenticate_by_email(login, email)

    def generate_state_param(self, state: dict) -> str:
        # FranceConnect wants at least 32 characters.
        return secrets.token_urlsafe(32)

    def pre_social_login(self, request, sociallogin) -> None:
        if sociallogin.account.provider != FRANCECONNECT or sociallogin.is_existing:
            return
        if sociallogin.state.get("process") == AuthProcess.CONNECT:
            return
        email = sociallogin.email_addresses[0].email if sociallogin.email_addresses else ""
        if not email:
            return
        if (
            request.user.is_authenticated
            and EmailAddress.objects.filter(
                user=request.user, email__iexact=email, verified=True
            ).exists()
        ):
            sociallogin.state["process"] = AuthProcess.CONNECT
        elif filter_users_by_email(email):
            messages.warning(
                request,
                _(
                    "An account already uses the email address %(email)s. Sign in to it with "
                    "your password, then link FranceConnect to it from your account."
                )
                % {"email": email},
            )
            query = urlencode({"next": reverse("socialaccount_connections")})
            raise ImmediateHttpResponse(redirect(f"{reverse('account_login')}?{query}"))

    def on_authentication_error(
        self, request, provider, error=None, exception=None, extra_context=None
    ) -> None:
        if provider.id != FRANCECONNECT or error == AuthError.CANCELLED:
            return super().on_authentication_error(
                request, provider, error=error, exception=exception, extra_context=extra_context
            )
        logger.warning("FranceConnect sign-in refused (%s): %s", error, exception)
        response = render(
            request,
            "franceconnect/authentication_error.html",
            {"message": refusal_message(request, exception)},
            status=400,
        )
        raise ImmediateHttpResponse(response)
