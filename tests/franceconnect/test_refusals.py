"""What is refused in FranceConnect's answers: each time a clear message, and nobody signed in."""

import pytest
from allauth.socialaccount.models import SocialAccount, SocialApp
from django.contrib.auth import get_user_model
from django.utils.html import escape

from citizen_space.franceconnect import errors
from citizen_space.franceconnect.errors import InsufficientLevel, InvalidToken

from .flow import approve_at_stand_in, local, portal_client, query_of, sign_in, start_sign_in

pytestmark = pytest.mark.django_db


def assert_refused(response, client, message, *, accounts=0):
    assert response.status_code == 400
    assert response.context["message"] == message
    assert escape(str(message)) in response.content.decode()
    assert "_auth_user_id" not in client.session
    assert get_user_model().objects.count() == accounts
    assert SocialAccount.objects.count() == accounts


def with_query(url: str, **changes) -> str:
    path = local(url).partition("?")[0]
    query = {**query_of(url), **changes}
    return path + "?" + "&".join(f"{key}={value}" for key, value in query.items())


@pytest.mark.parametrize(
    "misbehaviour",
    [
        "wrong-key",
        "wrong-aud",
        "wrong-iss",
        "wrong-nonce",
        "expired",
        "alg-none",
        "hs256",
        "userinfo-wrong-key",
        "userinfo-other-sub",
    ],
)
def test_a_token_that_fails_verification_is_refused(ville_a, enrol, client_a, misbehaviour):
    enrol(ville_a, client_id=f"misbehave-{misbehaviour}")

    response = sign_in(client_a)

    assert_refused(response, client_a, InvalidToken.user_message)


def test_an_identity_below_the_required_eidas_level_is_refused(ville_a, enrol, client_a):
    enrol(ville_a, acr_values="eidas2")
    authorize_url = start_sign_in(client_a)
    assert query_of(authorize_url)["acr_values"] == "eidas2"

    response = client_a.get(local(approve_at_stand_in(authorize_url)))

    assert_refused(response, client_a, InsufficientLevel.user_message)


def test_an_unknown_state_is_refused(ville_a, enrol, client_a):
    enrol(ville_a)
    callback_url = approve_at_stand_in(start_sign_in(client_a))

    response = client_a.get(with_query(callback_url, state="forged-state-" + "x" * 32))

    assert_refused(response, client_a, errors.EXPIRED_ATTEMPT)


def test_a_callback_in_another_browser_is_refused(ville_a, enrol, client_a):
    enrol(ville_a)
    callback_url = approve_at_stand_in(start_sign_in(client_a))
    other_browser = portal_client("ville-a")

    response = other_browser.get(local(callback_url))

    assert_refused(response, other_browser, errors.EXPIRED_ATTEMPT)


def test_a_replayed_code_is_refused(ville_a, enrol, client_a):
    enrol(ville_a)
    used_callback = approve_at_stand_in(start_sign_in(client_a))
    assert client_a.get(local(used_callback)).status_code == 302
    attacker = portal_client("ville-a")
    attacker_state = query_of(start_sign_in(attacker))["state"]

    response = attacker.get(with_query(used_callback, state=attacker_state))

    assert_refused(response, attacker, errors.CODE_REFUSED, accounts=1)


def test_a_code_from_another_issuer_is_refused(ville_a, enrol, client_a):
    enrol(ville_a)
    callback_url = approve_at_stand_in(start_sign_in(client_a))

    response = client_a.get(with_query(callback_url, iss="https%3A%2F%2Fevil.example%2Fapi%2Fv2"))

    assert_refused(response, client_a, InvalidToken.user_message)


def test_an_error_sent_back_by_franceconnect_is_explained(ville_a, enrol, client_a):
    enrol(ville_a)
    state = query_of(start_sign_in(client_a))["state"]

    response = client_a.get(
        f"/comptes/franceconnect/login/callback/?error=invalid_request&state={state}"
    )

    assert_refused(response, client_a, errors.PROVIDER_ERROR)


def test_a_cancelled_sign_in_goes_to_allauths_cancelled_page(ville_a, enrol, client_a):
    enrol(ville_a)
    state = query_of(start_sign_in(client_a))["state"]

    response = client_a.get(
        f"/comptes/franceconnect/login/callback/?error=access_denied&state={state}"
    )

    assert response.status_code == 302
    assert response["Location"] == "/comptes/3rdparty/login/cancelled/"
    assert "_auth_user_id" not in client_a.session


def test_franceconnect_unreachable_at_the_callback_is_explained(
    stand_in, ville_a, enrol, client_a, unreachable_base_url
):
    enrol(ville_a)
    callback_url = approve_at_stand_in(start_sign_in(client_a))
    app = SocialApp.objects.get()
    app.settings.update(base_url=unreachable_base_url, issuer=stand_in.issuer)
    app.save()

    response = client_a.get(local(callback_url))

    assert_refused(response, client_a, errors.UNREACHABLE)
