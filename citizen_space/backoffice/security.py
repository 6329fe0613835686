"""Security of staff sessions: a second factor before the admin, an end after idle time.

A session becomes a staff session when a person allowed into the Wagtail admin
(`wagtailadmin.access_admin`: agents, editors, superusers) reaches it. From then on:

- every admin page asks first for a TOTP authenticator (allauth.mfa): activated on the
  account (else the activation page) and used in this session (else allauth's MFA
  re-authentication), whatever way the person signed in;
- the session ends after STAFF_SESSION_IDLE_MINUTES without a request.

Citizens' sessions are left alone. STAFF_MFA_REQUIRED turns the second factor off (the test
settings do, for the tests of other parts that sign staff in without one).
"""

import time
from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

STAFF_SESSION_KEY = "backoffice_staff_last_seen"
ADMIN_PERMISSION = "wagtailadmin.access_admin"
# The last-seen time is written at most this often (each write is a session save).
_TOUCH_EVERY_SECONDS = 60


class StaffSecurityMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated:
            return self.get_response(request)
        in_admin = request.path_info.startswith(reverse("wagtailadmin_home"))
        staff_here = in_admin and user.has_perm(ADMIN_PERMISSION)
        if staff_here or STAFF_SESSION_KEY in request.session:
            if _idle_too_long(request):
                logout(request)
                messages.info(request, _("Your session ended after a long inactivity."))
                return _to_login(request) if in_admin else self.get_response(request)
            _touch(request)
        if staff_here and settings.STAFF_MFA_REQUIRED:
            if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
                messages.warning(
                    request,
                    _("Please set up two-factor authentication to use the administration."),
                )
                return _redirect_next("mfa_activate_totp", request)
            if not used_second_factor(request):
                return _redirect_next("mfa_reauthenticate", request)
        return self.get_response(request)


def used_second_factor(request) -> bool:
    """Whether a second factor was given in this session (at sign-in or since)."""
    records = get_authentication_records(request, request.user)
    return any(record.get("method") == "mfa" for record in records)


def _idle_too_long(request) -> bool:
    last_seen = request.session.get(STAFF_SESSION_KEY)
    limit = settings.STAFF_SESSION_IDLE_MINUTES * 60
    return last_seen is not None and time.time() - last_seen > limit


def _touch(request) -> None:
    last_seen = request.session.get(STAFF_SESSION_KEY)
    now = time.time()
    if last_seen is None or now - last_seen >= _TOUCH_EVERY_SECONDS:
        request.session[STAFF_SESSION_KEY] = now


def _redirect_next(url_name: str, request):
    return redirect(f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}")


def _to_login(request):
    return _redirect_next(settings.LOGIN_URL, request)
