"""identity_claims(): the identity the profile fills and locks."""

import datetime

from allauth.socialaccount.models import SocialAccount

from citizen_space.franceconnect.claims import identity_claims


def test_an_incomplete_birthdate_and_missing_claims_are_empty():
    account = SocialAccount(
        provider="franceconnect",
        extra_data={"userinfo": {"family_name": "DUBOIS", "birthdate": "1962-00-00"}},
    )

    claims = identity_claims(account)

    assert claims["family_name"] == "DUBOIS"
    assert claims["birthdate"] is None
    assert claims["given_name"] == claims["birthplace"] == claims["gender"] == ""


def test_a_complete_birthdate_is_a_date():
    account = SocialAccount(
        provider="franceconnect", extra_data={"userinfo": {"birthdate": "1962-08-24"}}
    )

    assert identity_claims(account)["birthdate"] == datetime.date(1962, 8, 24)


def test_other_providers_certify_nothing():
    account = SocialAccount(provider="google", extra_data={"given_name": "Angela"})

    assert identity_claims(account) == {}
