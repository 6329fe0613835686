"""The allauth provider "franceconnect" (FranceConnect v2, OpenID Connect code flow).

Configuration, per SocialApp (`settings` JSON), falling back on
``SOCIALACCOUNT_PROVIDERS["franceconnect"]`` (upper-case keys) and then on the defaults below:

- ``base_url``: where FranceConnect's v2 endpoints live (``<base_url>/authorize``, ``/token``,
  ``/userinfo``, ``/session/end``, ``/jwks``), default the sandbox;
- ``issuer``: the expected `iss`, default ``base_url``;
- ``acr_values``: the eIDAS level required (``eidas1``, ``eidas2`` or ``eidas3``), default eidas1;
- allauth's own: ``scope``, ``auth_params``, ``verified_email`` (default true: FranceConnect
  recommends not asking citizens to confirm the address it sends).
"""

import secrets
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.providers.base import ProviderAccount
from allauth.socialaccount.providers.oauth2.provider import OAuth2Provider
from django.core.exceptions import ImproperlyConfigured

from .errors import InsufficientLevel
from .oauth2 import FranceConnectOAuth2Adapter

SANDBOX_BASE_URL = "https://fcp-low.sbx.dev-franceconnect.fr/api/v2"
# eIDAS levels of assurance, lowest first.
ACR_LEVELS = ("eidas1", "eidas2", "eidas3")
SCOPES = (
    "openid",
    "given_name",
    "family_name",
    "birthdate",
    "birthplace",
    "birthcountry",
    "gender",
    "email",
    "preferred_username",
)
DEFAULT_SETTINGS = {
    "BASE_URL": SANDBOX_BASE_URL,
    "ISSUER": None,
    "ACR_VALUES": ACR_LEVELS[0],
    "VERIFIED_EMAIL": True,
    "AUTH_PARAMS": {"prompt": "login consent"},
}


@dataclass(frozen=True)
class Endpoints:
    issuer: str
    authorize: str
    token: str
    userinfo: str
    end_session: str
    jwks: str

    @classmethod
    def from_base_url(cls, base_url: str, *, issuer: str | None = None) -> "Endpoints":
        base_url = base_url.rstrip("/")
        return cls(
            issuer=issuer or base_url,
            authorize=f"{base_url}/authorize",
            token=f"{base_url}/token",
            userinfo=f"{base_url}/userinfo",
            end_session=f"{base_url}/session/end",
            jwks=f"{base_url}/jwks",
        )


class FranceConnectAccount(ProviderAccount):
    def to_str(self) -> str:
        userinfo = self.account.extra_data.get("userinfo", {})
        name = " ".join(filter(None, [userinfo.get("given_name"), userinfo.get("family_name")]))
        return name or super().to_str()


class FranceConnectProvider(OAuth2Provider):
    id = FranceConnectOAuth2Adapter.provider_id
    name = "FranceConnect"
    account_class = FranceConnectAccount
    oauth2_adapter_class = FranceConnectOAuth2Adapter

    def get_settings(self) -> dict:
        return {**DEFAULT_SETTINGS, **super().get_settings()}

    def _setting(self, name: str):
        return self.app.settings.get(name, self.get_settings()[name.upper()])

    @property
    def endpoints(self) -> Endpoints:
        return Endpoints.from_base_url(self._setting("base_url"), issuer=self._setting("issuer"))

    @property
    def required_acr(self) -> str:
        acr = self._setting("acr_values")
        if acr not in ACR_LEVELS:
            raise ImproperlyConfigured(f"FranceConnect acr_values must be one of {ACR_LEVELS}")
        return acr

    def check_level(self, acr: str) -> None:
        """Raise InsufficientLevel unless `acr` is an eIDAS level at least the required one."""
        if acr not in ACR_LEVELS or ACR_LEVELS.index(acr) < ACR_LEVELS.index(self.required_acr):
            raise InsufficientLevel(f"acr {acr!r} is below the required {self.required_acr!r}")

    def get_default_scope(self):
        return list(SCOPES)

    def redirect(self, request, process, next_url=None, data=None, **kwargs):
        """Add a random nonce, kept with allauth's state, and the required eIDAS level."""
        nonce = secrets.token_urlsafe(32)
        auth_params = kwargs.pop("auth_params", None) or self.get_auth_params()
        auth_params.update(nonce=nonce, acr_values=self.required_acr)
        return super().redirect(
            request, process, next_url, data, auth_params=auth_params, nonce=nonce, **kwargs
        )

    def extract_uid(self, data) -> str:
        return str(data["id_token"]["sub"])

    def extract_common_fields(self, data) -> dict:
        userinfo = data["userinfo"]
        return {
            "email": userinfo.get("email"),
            "first_name": userinfo.get("given_name"),
            "last_name": userinfo.get("family_name"),
        }

    def extract_email_addresses(self, data) -> list[EmailAddress]:
        email = data["userinfo"].get("email")
        if not email:
            return []
        verified = get_adapter().is_email_verified(self, email)
        return [EmailAddress(email=email, verified=verified, primary=True)]


provider_classes = [FranceConnectProvider]
