"""Signing out through FranceConnect's end-session endpoint; the local session always ends."""

import pytest
import requests
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages

from citizen_space.franceconnect.views import LOGOUT_STATE_SESSION_KEY, SESSION_KEY

from .flow import (
    LOGOUT_CALLBACK_PATH,
    LOGOUT_PATH,
    confirm_logout_at_stand_in,
    host,
    local,
    query_of,
    sign_in,
)

pytestmark = pytest.mark.django_db


def test_logout_goes_through_franceconnect_and_back(stand_in, ville_a, enrol, client_a):
    enrol(ville_a)
    browser = requests.Session()
    sign_in(client_a, browser)
    id_token = client_a.session[SESSION_KEY]["id_token"]

    response = client_a.post(LOGOUT_PATH)

    assert response.status_code == 302
    end_session_url = response["Location"]
    assert end_session_url.startswith(f"{stand_in.base_url}/session/end?")
    params = query_of(end_session_url)
    assert params["id_token_hint"] == id_token
    assert len(params["state"]) >= 32
    assert params["post_logout_redirect_uri"] == f"http://{host('ville-a')}{LOGOUT_CALLBACK_PATH}"
    assert "_auth_user_id" not in client_a.session

    back_url = confirm_logout_at_stand_in(end_session_url, browser)
    assert query_of(back_url)["state"] == params["state"]
    response = client_a.get(local(back_url))

    assert response.status_code == 302
    assert response["Location"] == "/"
    messages = [str(message) for message in get_messages(response.wsgi_request)]
    assert messages[-1] == "You have signed out of the portal and of FranceConnect."


def test_the_local_session_ends_even_when_franceconnect_is_down(
    ville_a, client_a, unreachable_base_url
):
    client_a.force_login(get_user_model().objects.create_user("angela"))
    session = client_a.session
    session[SESSION_KEY] = {
        "id_token": "header.claims.signature",
        "end_session_url": f"{unreachable_base_url}/session/end",
    }
    session.save()

    response = client_a.post(LOGOUT_PATH)

    assert response["Location"].startswith(f"{unreachable_base_url}/session/end?")
    assert "_auth_user_id" not in client_a.session
    with pytest.raises(requests.ConnectionError):
        requests.get(response["Location"], timeout=2)


def test_without_franceconnect_logout_only_signs_out_here(ville_a, client_a):
    client_a.force_login(get_user_model().objects.create_user("angela"))

    response = client_a.post(LOGOUT_PATH)

    assert response["Location"] == "/"
    assert "_auth_user_id" not in client_a.session


def test_logout_is_a_post(ville_a, client_a):
    client_a.force_login(get_user_model().objects.create_user("angela"))

    assert client_a.get(LOGOUT_PATH).status_code == 405
    assert "_auth_user_id" in client_a.session


def test_a_logout_callback_with_another_state_says_nothing_of_franceconnect(ville_a, client_a):
    session = client_a.session
    session[LOGOUT_STATE_SESSION_KEY] = "the-state-sent-" + "x" * 32
    session.save()

    response = client_a.get(LOGOUT_CALLBACK_PATH + "?state=forged")

    assert response["Location"] == "/"
    assert not list(get_messages(response.wsgi_request))
