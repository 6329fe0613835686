"""The citizen's profile: edited in "My space", used to prefill the forms."""

import datetime

import pytest
from django.urls import reverse

from citizen_space.models import CitizenProfile

from .conftest import english_client

pytestmark = pytest.mark.django_db

URL = "/mon-espace/profil/"


def test_profile_url_is_stable():
    assert reverse("citizen_space:profile") == URL


def test_profile_needs_an_account():
    response = english_client().get(URL)
    assert response.status_code == 302
    assert response["Location"] == f"/comptes/login/?next={URL}"


def test_profile_is_created_then_updated(citizen, citizen_client):
    html = citizen_client.get(URL).content.decode()
    for field_id in ("id_civility", "id_first_name", "id_birth_date", "id_postal_code"):
        assert f'id="{field_id}"' in html
    data = {
        "civility": "mme",
        "first_name": "Camille",
        "last_name": "Martin",
        "birth_date": "1985-07-14",
        "birth_place": "Saint-Étienne",
        "phone": "06 12 34 56 78",
        "street": "3 rue de la Mairie",
        "postal_code": "42800",
        "city": "Saint-Martin-la-Plaine",
    }
    response = citizen_client.post(URL, data)
    assert response.status_code == 302
    profile = CitizenProfile.objects.get(user=citizen)
    assert profile.birth_date == datetime.date(1985, 7, 14)
    assert profile.phone == "+33612345678"
    assert profile.full_name == "Camille Martin"

    citizen_client.post(URL, {**data, "city": "Rive-de-Gier"})
    assert CitizenProfile.objects.get(user=citizen).city == "Rive-de-Gier"
    assert CitizenProfile.objects.count() == 1
    assert 'value="1985-07-14"' in citizen_client.get(URL).content.decode()


def test_wrong_phone_and_postal_code_are_explained(citizen, citizen_client):
    response = citizen_client.post(URL, {"phone": "12", "postal_code": "4280"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "This is not a valid phone number." in html
    assert "A postal code has 5 digits, e.g. 42000." in html
    assert 'aria-invalid="true"' in html
    assert not CitizenProfile.objects.exists()
