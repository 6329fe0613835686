"""A FranceConnect sign-in (against the stand-in) fills the profile's identity and locks it."""

import datetime
import re

import pytest
from django.urls import reverse

from citizen_space.models import CitizenProfile
from tests.franceconnect.conftest import (  # noqa: F401  (fixtures)
    client_a,
    enrol,
    make_collectivity,
    stand_in,
    ville_a,
)
from tests.franceconnect.flow import sign_in

pytestmark = pytest.mark.django_db


def test_a_franceconnect_sign_in_certifies_the_profile(ville_a, enrol, client_a):  # noqa: F811
    enrol(ville_a)

    assert sign_in(client_a).status_code == 302

    profile = CitizenProfile.objects.get()
    assert profile.identity_certified
    assert (profile.civility, profile.first_name, profile.last_name) == (
        "mme",
        "Angela Claire Louise",
        "DUBOIS",
    )
    assert profile.birth_date == datetime.date(1962, 8, 24)
    assert profile.birth_place == "75107"
    html = client_a.get(reverse("citizen_space:profile")).content.decode()
    assert re.search(r'<input[^>]*name="last_name"[^>]*value="DUBOIS"[^>]*disabled', html)
