"""Staff security: allauth signs staff in to the admin, a TOTP second factor is required before
any admin page, staff sessions end after 30 idle minutes; and agents get their rights."""

import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from citizen_space.backoffice.security import STAFF_SESSION_KEY

from .conftest import PASSWORD, client_for

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"
SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"


def totp_code(secret: str = SECRET) -> str:
    """The code an authenticator app shows now."""
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


@pytest.fixture
def mfa_required(settings):
    settings.STAFF_MFA_REQUIRED = True


@pytest.fixture
def agent(commune_a, make_agent):
    return make_agent(commune_a)


def test_provisioning_gives_agents_the_back_office_rights_but_reopening(commune_a):
    granted = {
        f"{p.content_type.app_label}.{p.codename}"
        for p in commune_a.agents_group.permissions.select_related("content_type")
    }
    assert granted == {
        "wagtailadmin.access_admin",
        "backoffice.process_requests",
        "backoffice.export_requests",
    }


def test_the_admin_sends_to_allauth_s_sign_in(client):
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next=/admin/"


def test_staff_without_an_authenticator_are_sent_to_set_one_up(mfa_required, agent):
    client = client_for(agent)
    for path in (ADMIN, reverse("backoffice:index")):
        response = client.get(path)
        assert response.status_code == 302
        next_path = path.replace("/", "%2F")
        assert response["Location"] == f"{reverse('mfa_activate_totp')}?next={next_path}"


def test_setting_up_totp_then_giving_a_code_opens_the_admin(mfa_required, agent):
    client = Client()
    client.post(reverse("account_login"), {"login": agent.email, "password": PASSWORD})
    activate = reverse("mfa_activate_totp")
    # allauth asks for the password again before a factor is added.
    response = client.get(activate)
    assert response["Location"].startswith(reverse("account_reauthenticate"))
    client.post(response["Location"], {"password": PASSWORD})
    secret = client.get(activate).context["form"].secret
    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    # A factor set up is not a factor given in this session: the admin asks for a code.
    response = client.get(ADMIN)
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))
    cache.clear()  # as if the next 30 seconds had come: the code may be given again
    client.post(reverse("mfa_reauthenticate"), {"code": totp_code(secret)})
    assert client.get(ADMIN).status_code == 200


def test_staff_sign_in_with_password_and_code_and_reach_the_admin(mfa_required, agent):
    TOTP.activate(agent, SECRET)
    client = Client()
    response = client.post(reverse("account_login"), {"login": agent.email, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert SESSION_KEY not in client.session  # not signed in without the code
    client.post(reverse("mfa_authenticate"), {"code": "000000"})
    assert SESSION_KEY not in client.session
    client.post(reverse("mfa_authenticate"), {"code": totp_code()})
    assert client.session[SESSION_KEY] == str(agent.pk)
    assert client.get(reverse("backoffice:index")).status_code == 200


def test_a_password_only_session_never_reaches_the_admin(mfa_required, agent):
    """Signed in without the code (Wagtail's own sign-in form, a forced session...): the admin
    asks for the second factor first."""
    TOTP.activate(agent, SECRET)
    client = Client()
    client.post(reverse("wagtailadmin_login"), {"username": agent.email, "password": PASSWORD})
    assert client.session[SESSION_KEY] == str(agent.pk)
    response = client.get(reverse("backoffice:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))


def test_citizens_are_never_asked_for_a_second_factor(mfa_required, citizen):
    client = client_for(citizen)
    assert client.get(reverse("citizen_space:home")).status_code == 200
    # The admin turns them away as before (no permission), not to a TOTP set-up.
    response = client.get(ADMIN)
    assert reverse("mfa_activate_totp") not in response["Location"]


def _idle(client, minutes: int) -> None:
    session = client.session
    session[STAFF_SESSION_KEY] = time.time() - minutes * 60
    session.save()


def test_staff_sessions_end_after_30_idle_minutes(agent):
    client = client_for(agent)
    assert client.get(ADMIN).status_code == 200
    _idle(client, 29)
    assert client.get(reverse("backoffice:index")).status_code == 200
    _idle(client, 31)
    response = client.get(reverse("backoffice:index"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert SESSION_KEY not in client.session


def test_an_idle_staff_session_ends_on_the_public_pages_too(agent):
    client = client_for(agent)
    client.get(ADMIN)
    _idle(client, 45)
    assert client.get(reverse("citizen_space:home")).status_code == 302  # signed out
    assert SESSION_KEY not in client.session


def test_citizens_sessions_are_not_staff_sessions(citizen):
    client = client_for(citizen)
    assert client.get(reverse("citizen_space:home")).status_code == 200
    client.get(ADMIN)  # turned away: not staff
    assert STAFF_SESSION_KEY not in client.session
