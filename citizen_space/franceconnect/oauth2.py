"""The exchanges with FranceConnect after its redirect, and what is checked in its answers."""

from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.providers.oauth2.views import OAuth2Adapter
from django.utils.crypto import constant_time_compare

from .errors import FranceConnectError, InvalidToken
from .tokens import verify_jwt

ID_TOKEN_CLAIMS = ("iss", "aud", "sub", "exp", "iat", "nonce", "acr")
# Where the ID token and FranceConnect's logout address are kept in allauth's state of the
# sign-in (see receivers.py).
LOGOUT_STATE_KEY = "franceconnect_logout"


class FranceConnectOAuth2Adapter(OAuth2Adapter):
    provider_id = "franceconnect"
    login_cancelled_error = "access_denied"
    basic_auth = False  # client_secret_post, as FranceConnect expects

    def __init__(self, request):
        super().__init__(request)
        # allauth's state of this sign-in (it holds the nonce), set by the callback view.
        self.state: dict | None = None

    @property
    def authorize_url(self) -> str:
        return self.get_provider().endpoints.authorize

    @property
    def access_token_url(self) -> str:
        return self.get_provider().endpoints.token

    def get_access_token_data(self, request, app, client, pkce_code_verifier=None):
        # RFC 9207: a code sent back by another issuer is not exchanged.
        issuer = request.GET.get("iss")
        if issuer is not None and issuer != self.get_provider().endpoints.issuer:
            raise InvalidToken(f"Authorization response from another issuer: {issuer!r}")
        return super().get_access_token_data(
            request, app, client, pkce_code_verifier=pkce_code_verifier
        )

    def complete_login(self, request, app, token, **kwargs):
        provider = self.get_provider()
        endpoints = provider.endpoints
        raw_id_token = kwargs["response"].get("id_token")
        if not raw_id_token:
            raise InvalidToken("The token response has no id_token")
        id_token = verify_jwt(
            raw_id_token,
            jwks_url=endpoints.jwks,
            issuer=endpoints.issuer,
            audience=app.client_id,
            required=ID_TOKEN_CLAIMS,
        )
        expected_nonce = (self.state or {}).get("nonce")
        if not expected_nonce or not constant_time_compare(str(id_token["nonce"]), expected_nonce):
            raise InvalidToken("The ID token's nonce is not the one sent")
        provider.check_level(id_token["acr"])
        userinfo = self._userinfo(token.token, endpoints, audience=app.client_id)
        if userinfo["sub"] != id_token["sub"]:
            raise InvalidToken("The userinfo is about another subject than the ID token")
        self.state[LOGOUT_STATE_KEY] = {
            "id_token": raw_id_token,
            "end_session_url": endpoints.end_session,
        }
        return provider.sociallogin_from_response(
            request, {"id_token": id_token, "userinfo": userinfo}
        )

    def _userinfo(self, access_token: str, endpoints, *, audience: str) -> dict:
        """The userinfo, which FranceConnect v2 sends as a JWT signed like the ID token."""
        with get_adapter().get_requests_session() as session:
            response = session.get(
                endpoints.userinfo, headers={"Authorization": f"Bearer {access_token}"}
            )
        if response.status_code != 200:
            raise FranceConnectError(f"The userinfo endpoint answered {response.status_code}")
        if response.headers.get("Content-Type", "").split(";")[0].strip() != "application/jwt":
            raise InvalidToken("The userinfo is not a signed JWT")
        return verify_jwt(
            response.text, jwks_url=endpoints.jwks, issuer=endpoints.issuer, audience=audience
        )
