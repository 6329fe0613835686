"""The "API Éditeurs" endpoints called by ANTS's national search site."""

import time
from datetime import timedelta
from decimal import Decimal

import pytest
from django.test import Client
from django.utils import timezone

from citizen_space.appointments.models import MeetingPoint

from .conftest import iso, slots_after
from .helpers import book

pytestmark = pytest.mark.django_db
TOKEN = "hub-token-for-tests"


@pytest.fixture(autouse=True)
def hub_token(settings):
    settings.ANTS_HUB_TOKEN = TOKEN


@pytest.fixture
def point(agenda, procedure):
    return MeetingPoint.objects.create(
        agenda=agenda,
        procedure=procedure,
        name="Mairie de Voiron",
        public_entry_address="Place Jacques-Antoine Gau",
        zip_code="38500",
        city_name="Voiron",
        latitude=Decimal("45.3643"),
        longitude=Decimal("5.5892"),
    )


def hub(path, params=None, token=TOKEN):
    headers = {"HTTP_X_HUB_RDV_AUTH_TOKEN": token} if token is not None else {}
    return Client().get(f"/ants/{path}", params or {}, **headers)


@pytest.mark.parametrize("token", [None, "wrong-token"])
@pytest.mark.parametrize(
    "path", ["getManagedMeetingPoints", "availableTimeSlots", "searchApplicationIds"]
)
def test_a_missing_or_bad_token_is_refused(point, path, token):
    response = hub(path, token=token)
    assert response.status_code == 401
    assert response.json() == {"detail": "X-HUB-RDV-AUTH-TOKEN header invalid"}


def test_without_a_configured_token_nothing_is_answered(point, settings):
    settings.ANTS_HUB_TOKEN = ""
    assert hub("getManagedMeetingPoints", token="").status_code == 503


def test_managed_meeting_points_have_the_documented_shape(point, commune):
    response = hub("getManagedMeetingPoints")
    assert response.status_code == 200
    assert response.json() == [
        {
            "id": str(point.pk),
            "name": "Mairie de Voiron",
            "longitude": 5.5892,
            "latitude": 45.3643,
            "public_entry_address": "Place Jacques-Antoine Gau",
            "zip_code": "38500",
            "city_name": "Voiron",
            "website": commune.website,
            "city_logo": "",
        }
    ]


def test_available_time_slots_answer_each_meeting_point_with_booking_links(point, agenda):
    today = timezone.localdate()
    started = time.monotonic()
    response = hub(
        "availableTimeSlots",
        {
            "start_date": today,
            "end_date": today + timedelta(days=6),
            "meeting_point_ids": [str(point.pk), "999999"],
            "reason": "PASSPORT",
            "documents_number": 2,
        },
    )
    assert time.monotonic() - started < 3  # well within ANTS's 15 seconds
    assert response.status_code == 200
    body = response.json()
    assert list(body) == [str(point.pk)]
    slots = body[str(point.pk)]
    expected = [
        s
        for s in slots_after(agenda, 0, 1000)
        if timezone.localdate(s.start) <= today + timedelta(days=6)
    ]
    assert [slot["datetime"] for slot in slots] == [iso(s) for s in expected]
    first = slots[0]
    assert set(first) == {"datetime", "callback_url"}
    assert first["callback_url"].startswith(
        f"http://voiron.portal.localhost:8000/mon-espace/rendez-vous/ants/{point.pk}/?creneau="
    )


def test_meeting_point_ids_may_be_comma_separated(point):
    today = timezone.localdate()
    params = {"start_date": today, "end_date": today, "meeting_point_ids": f"{point.pk},42"}
    assert list(hub("availableTimeSlots", params).json()) == [str(point.pk)]


@pytest.mark.parametrize(
    "params",
    [
        {"end_date": "2026-03-10"},
        {"start_date": "2026-03-10", "end_date": "2026-03-01"},
        {"start_date": "2026-03-01", "end_date": "2026-03-10", "reason": "VISA"},
        {"start_date": "2026-03-01", "end_date": "2026-03-10", "documents_number": "two"},
    ],
)
def test_bad_parameters_get_a_400_with_a_detail(point, params):
    response = hub("availableTimeSlots", {"meeting_point_ids": point.pk, **params})
    assert response.status_code == 400
    assert response.json()["detail"]


def test_search_application_ids_finds_our_appointments(
    point, agenda, citizen, citizen_client, make_draft, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        request = book(
            citizen_client, make_draft(citizen), iso(slots_after(agenda, 48, 1)[0]), "AB12345678"
        )
    appointment = request.appointments.get()
    response = hub("searchApplicationIds", {"application_ids": ["AB12345678", "ZZ99999999"]})
    assert response.status_code == 200
    root = "http://voiron.portal.localhost:8000/mon-espace/rendez-vous"
    assert response.json() == {
        "AB12345678": [
            {
                "meeting_point": "Mairie de Voiron",
                "datetime": iso(appointment.booking),
                "management_url": f"{root}/{appointment.pk}/",
                "cancel_url": f"{root}/{appointment.pk}/annuler/",
            }
        ],
        "ZZ99999999": [],
    }


def test_the_booking_link_opens_the_request_at_the_slot(point, agenda, citizen_client):
    slot = slots_after(agenda, 48, 1)[0]
    response = citizen_client.get(
        f"/mon-espace/rendez-vous/ants/{point.pk}/", {"creneau": iso(slot)}
    )
    assert response.status_code == 302
    page = citizen_client.get(response["Location"])
    assert f'value="{iso(slot)}" checked' in page.content.decode()
