"""Linking a FranceConnect identity to an existing account: never by email match alone."""

import pytest
from allauth.account.models import EmailAddress
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages

from citizen_space.franceconnect.views import SESSION_KEY

from .flow import sign_in

pytestmark = pytest.mark.django_db

CITIZEN_EMAIL = "wossewodda-3728@yopmail.com"


@pytest.fixture
def make_account(db):
    def make(email: str, *, verified: bool):
        user = get_user_model().objects.create_user(
            username=email.split("@")[0], email=email, password="x-local-password-1"
        )
        EmailAddress.objects.create(user=user, email=email, verified=verified, primary=True)
        return user

    return make


@pytest.mark.parametrize("verified", [True, False])
def test_an_account_with_the_same_address_is_neither_signed_in_nor_linked(
    ville_a, enrol, client_a, make_account, verified
):
    enrol(ville_a)
    owner = make_account(CITIZEN_EMAIL, verified=verified)

    response = sign_in(client_a)

    assert response.status_code == 302
    assert response["Location"] == "/comptes/login/?next=%2Fcomptes%2F3rdparty%2F"
    assert "_auth_user_id" not in client_a.session
    assert not SocialAccount.objects.exists()
    assert list(get_user_model().objects.all()) == [owner]
    [message] = get_messages(response.wsgi_request)
    assert CITIZEN_EMAIL in str(message) and "link FranceConnect" in str(message)


def test_a_signed_in_citizen_with_this_verified_address_gets_franceconnect_linked(
    ville_a, enrol, client_a, make_account
):
    enrol(ville_a)
    owner = make_account(CITIZEN_EMAIL, verified=True)
    client_a.force_login(owner)

    response = sign_in(client_a)

    assert response.status_code == 302
    assert SocialAccount.objects.get().user == owner
    assert client_a.session["_auth_user_id"] == str(owner.pk)
    assert get_user_model().objects.count() == 1
    assert SESSION_KEY in client_a.session  # logging out will go through FranceConnect


def test_a_signed_in_citizen_with_this_address_unverified_gets_nothing_linked(
    ville_a, enrol, client_a, make_account
):
    enrol(ville_a)
    owner = make_account(CITIZEN_EMAIL, verified=False)
    client_a.force_login(owner)

    sign_in(client_a)

    assert not SocialAccount.objects.exists()
    assert get_user_model().objects.count() == 1


def test_a_signed_in_citizen_links_franceconnect_explicitly_whatever_their_address(
    ville_a, enrol, client_a, make_account
):
    enrol(ville_a)
    owner = make_account("angela.dubois@example.org", verified=True)
    client_a.force_login(owner)

    response = sign_in(client_a, process="connect")

    assert response.status_code == 302
    assert SocialAccount.objects.get().user == owner
    assert client_a.session["_auth_user_id"] == str(owner.pk)


def test_another_persons_identity_is_never_linked_to_the_signed_in_account(
    ville_a, enrol, client_a, make_account
):
    enrol(ville_a)
    someone = make_account("someone.else@example.org", verified=True)
    client_a.force_login(someone)

    sign_in(client_a)

    account = SocialAccount.objects.get()
    assert account.user != someone
    assert client_a.session["_auth_user_id"] == str(account.user.pk)
