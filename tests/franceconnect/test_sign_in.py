"""Sign-in with FranceConnect against the stand-in: the whole code flow, as a citizen does it."""

import datetime

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model

from citizen_space.franceconnect.claims import identity_claims
from citizen_space.franceconnect.views import SESSION_KEY

from .flow import (
    CALLBACK_PATH,
    approve_at_stand_in,
    host,
    local,
    portal_client,
    query_of,
    sign_in,
    start_sign_in,
)

User = get_user_model()

CITIZEN_SUB = "b6048e95bb134ec5b1d1e1fa69f287172e91722b9354d637a1bcf2ebb0fd2ef5v1"
CITIZEN_EMAIL = "wossewodda-3728@yopmail.com"

pytestmark = pytest.mark.django_db


def test_the_authorize_request_carries_what_franceconnect_v2_requires(
    stand_in, ville_a, enrol, client_a
):
    enrol(ville_a)

    authorize_url = start_sign_in(client_a)

    assert authorize_url.startswith(f"{stand_in.base_url}/authorize?")
    params = query_of(authorize_url)
    assert params["response_type"] == "code"
    assert params["client_id"] == "portal-es256"
    assert params["redirect_uri"] == f"http://{host('ville-a')}{CALLBACK_PATH}"
    assert set(params["scope"].split()) == {
        "openid",
        "given_name",
        "family_name",
        "birthdate",
        "birthplace",
        "birthcountry",
        "gender",
        "email",
        "preferred_username",
    }
    assert params["acr_values"] == "eidas1"
    assert params["prompt"] == "login consent"
    assert len(params["state"]) >= 32
    assert len(params["nonce"]) >= 32
    assert params["nonce"] != start_sign_in(client_a).split("nonce=")[1]


@pytest.mark.parametrize("client_id", ["portal-es256", "portal-rs256"])
def test_a_new_citizen_is_signed_in_with_the_identity_franceconnect_certifies(
    ville_a, enrol, client_a, client_id
):
    enrol(ville_a, client_id=client_id)

    response = sign_in(client_a)

    assert response.status_code == 302
    user = User.objects.get()
    assert client_a.session["_auth_user_id"] == str(user.pk)
    assert (user.first_name, user.last_name) == ("Angela Claire Louise", "DUBOIS")
    assert EmailAddress.objects.get(user=user).email == CITIZEN_EMAIL
    assert EmailAddress.objects.get(user=user).verified
    account = SocialAccount.objects.get(user=user)
    assert (account.provider, account.uid) == ("franceconnect", CITIZEN_SUB)
    assert account.extra_data["id_token"]["acr"] == "eidas1"
    assert identity_claims(account) == {
        "given_name": "Angela Claire Louise",
        "family_name": "DUBOIS",
        "preferred_username": "",
        "birthdate": datetime.date(1962, 8, 24),
        "birthplace": "75107",
        "birthcountry": "99100",
        "gender": "female",
    }
    assert client_a.session[SESSION_KEY]["id_token"].count(".") == 2


def test_a_linked_citizen_signs_in_again_to_the_same_account(ville_a, enrol, client_a):
    enrol(ville_a)
    sign_in(client_a)
    user = User.objects.get()
    other_browser = portal_client("ville-a")

    response = sign_in(other_browser)

    assert response.status_code == 302
    assert User.objects.count() == 1
    assert other_browser.session["_auth_user_id"] == str(user.pk)


def test_the_citizen_goes_back_where_they_were(ville_a, enrol, client_a):
    enrol(ville_a)

    response = sign_in(client_a, next="/mon-espace/")

    assert response["Location"] == "/mon-espace/"


def test_the_callback_for_another_portal_is_not_found(ville_a, ville_b, enrol, client_a):
    enrol(ville_a)
    callback_url = approve_at_stand_in(start_sign_in(client_a))
    client_b = portal_client("ville-b")

    assert client_b.get(local(callback_url)).status_code == 404
    assert client_b.post("/comptes/franceconnect/login/").status_code == 404
