"""Sign-in with FranceConnect (allauth's OAuth2 views) and sign-out through FranceConnect."""

import secrets
from functools import wraps

from allauth.account.adapter import get_adapter as get_account_adapter
from allauth.socialaccount.providers.oauth2.views import OAuth2CallbackView, OAuth2LoginView
from allauth.utils import build_absolute_uri
from django.contrib import messages
from django.http import Http404, HttpResponseRedirect
from django.urls import reverse
from django.utils.crypto import constant_time_compare
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from .oauth2 import FranceConnectOAuth2Adapter
from .selectors import franceconnect_app_for_request

# The FranceConnect session of the signed-in citizen: {"id_token", "end_session_url"}.
SESSION_KEY = "franceconnect_session"
LOGOUT_STATE_SESSION_KEY = "franceconnect_logout_state"


class CallbackView(OAuth2CallbackView):
    """allauth's callback, handing the sign-in's state (it holds the nonce) to the adapter."""

    def _get_state(self, request, provider):
        state, response = super()._get_state(request, provider)
        self.adapter.state = state
        return state, response


def enabled_only(view):
    """Answer 404 on portals whose collectivity has not enabled FranceConnect."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if franceconnect_app_for_request(request) is None:
            raise Http404
        return view(request, *args, **kwargs)

    return wrapper


oauth2_login = enabled_only(OAuth2LoginView.adapter_view(FranceConnectOAuth2Adapter))
oauth2_callback = enabled_only(CallbackView.adapter_view(FranceConnectOAuth2Adapter))


@require_POST
def logout(request):
    """Sign out here, then at FranceConnect if the citizen signed in with it.

    The local session ends first, so it is ended even when FranceConnect is unreachable.
    """
    franceconnect_session = request.session.get(SESSION_KEY)
    get_account_adapter(request).logout(request)
    if not franceconnect_session:
        messages.success(request, _("You have signed out."))
        return HttpResponseRedirect("/")
    state = secrets.token_urlsafe(32)
    request.session[LOGOUT_STATE_SESSION_KEY] = state
    query = urlencode(
        {
            "id_token_hint": franceconnect_session["id_token"],
            "state": state,
            "post_logout_redirect_uri": build_absolute_uri(
                request, reverse("franceconnect_logout_callback")
            ),
        }
    )
    return HttpResponseRedirect(f"{franceconnect_session['end_session_url']}?{query}")


def logout_callback(request):
    """Where FranceConnect sends the citizen back after signing them out."""
    expected = request.session.pop(LOGOUT_STATE_SESSION_KEY, None)
    if expected and constant_time_compare(request.GET.get("state", ""), expected):
        messages.success(request, _("You have signed out of the portal and of FranceConnect."))
    return HttpResponseRedirect("/")
