"""Why a FranceConnect sign-in was refused, in words for the citizen."""

from allauth.socialaccount.providers.base import ProviderException
from allauth.socialaccount.providers.oauth2.client import OAuth2Error
from django.utils.translation import gettext_lazy as _
from requests import RequestException


class FranceConnectError(ProviderException):
    """A refused FranceConnect answer; the exception text is the technical reason (logged)."""

    user_message = _(
        "The identity sent by FranceConnect could not be verified, so you have not been signed "
        "in. Please try again."
    )


class InvalidToken(FranceConnectError):
    """An ID token or userinfo that fails verification (signature, issuer, audience, expiry…)."""


class InsufficientLevel(FranceConnectError):
    """The identity was confirmed below the eIDAS level the service requires (`acr`)."""

    user_message = _(
        "FranceConnect did not confirm your identity at the level of assurance this service "
        "requires, so you have not been signed in. Please try again with another account "
        "offered by FranceConnect."
    )


EXPIRED_ATTEMPT = _(
    "This sign-in attempt has expired or was started in another browser, so you have not been "
    "signed in. Please sign in again."
)
CODE_REFUSED = _(
    "FranceConnect refused to complete this sign-in (it may already have been used or have "
    "expired), so you have not been signed in. Please sign in again."
)
UNREACHABLE = _(
    "FranceConnect cannot be reached at the moment, so you have not been signed in. Please try "
    "again later, or sign in with your email address."
)
PROVIDER_ERROR = _(
    "FranceConnect could not sign you in. Please try again, or sign in with your email address."
)


def refusal_message(request, exception: Exception | None) -> str:
    """The message shown when the sign-in fails at the callback (cancellation aside)."""
    if isinstance(exception, FranceConnectError):
        return exception.user_message
    if isinstance(exception, OAuth2Error):
        return CODE_REFUSED
    if isinstance(exception, RequestException):
        return UNREACHABLE
    if "error" in request.GET:
        return PROVIDER_ERROR
    return EXPIRED_ATTEMPT
