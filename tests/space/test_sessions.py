"""Sign-in security: rate limits, a new session key at sign-in, password change and sessions."""

import pytest
from django.contrib.auth import SESSION_KEY
from django.core.cache import cache
from django.urls import reverse

from tests.citizen_space.conftest import PASSWORD, english_client

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "An-other-long-phrase-43"


@pytest.fixture(autouse=True)
def fresh_rate_limits():
    """allauth counts attempts in the cache: each test starts from zero."""
    cache.clear()
    yield
    cache.clear()


def sign_in(client, email, password=PASSWORD):
    return client.post(reverse("account_login"), {"login": email, "password": password})


def test_failed_sign_ins_are_rate_limited(citizen):
    client = english_client()
    for _attempt in range(5):
        response = sign_in(client, citizen.email, "wrong-password")
        assert "Too many failed login attempts" not in response.content.decode()
    # The sixth attempt is refused, even with the right password, until the limit passes.
    response = sign_in(client, citizen.email)
    assert response.status_code == 200
    assert "Too many failed login attempts. Try again later." in response.content.decode()
    assert SESSION_KEY not in client.session
    # Once the window has passed (the counters leave the cache), the password works again.
    cache.clear()
    assert sign_in(client, citizen.email).status_code == 302


def test_sign_ups_are_rate_limited():
    client = english_client()
    statuses = {
        client.post(
            reverse("account_signup"),
            {"email": f"c{n}@example.org", "password1": "x", "password2": "y"},
        ).status_code
        for n in range(21)
    }
    assert statuses == {200, 429}


def test_the_session_key_changes_at_sign_in(citizen):
    client = english_client()
    session = client.session  # the test client sets its cookie
    session["language_chosen"] = "en"
    session.save()
    before = session.session_key
    assert sign_in(client, citizen.email).status_code == 302
    assert client.session[SESSION_KEY] == str(citizen.pk)
    assert client.session.session_key != before
    assert client.session["language_chosen"] == "en"  # kept, under the new key


def test_a_password_change_ends_the_other_sessions_and_keeps_this_one(citizen):
    here, elsewhere = english_client(), english_client()
    for client in (here, elsewhere):
        assert sign_in(client, citizen.email).status_code == 302
    home = reverse("citizen_space:home")
    assert elsewhere.get(home).status_code == 200

    response = here.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert here.get(home).status_code == 200
    assert elsewhere.get(home).status_code == 302
