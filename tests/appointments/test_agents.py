"""The agents' views of an agenda: its day and week, no-shows, closing a period."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from citizen_space.appointments.models import Appointment
from commune_sites.agendas.models import Booking

from .conftest import client_for, iso, slots_after
from .helpers import book

pytestmark = pytest.mark.django_db


@pytest.fixture
def booked(agenda, citizen, citizen_client, make_draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request = book(citizen_client, make_draft(citizen), iso(slots_after(agenda, 48, 1)[0]))
    mail.outbox.clear()
    return request.appointments.select_related("booking", "submission").get()


def schedule_url(agenda, period, day) -> str:
    return reverse("appointments_admin:schedule", args=[agenda.pk, period, day.isoformat()])


def test_the_day_and_week_views_list_the_appointments_with_their_requests(agent, agenda, booked):
    day = timezone.localdate(booked.booking.start)
    client = client_for(agent)
    for period in ("day", "week"):
        response = client.get(schedule_url(agenda, period, day))
        html = response.content.decode()
        assert response.status_code == 200
        assert f'id="booking-{booked.booking_id}"' in html
        assert booked.submission.reference in html
        assert "AB12345678" in html
        assert "camille@example.org" in html
    empty = client.get(schedule_url(agenda, "day", day + timedelta(days=1))).content.decode()
    assert f'id="booking-{booked.booking_id}"' not in empty
    listing = client.get(reverse("appointments_admin:agendas")).content.decode()
    assert schedule_url(agenda, "day", timezone.localdate()) in listing


def test_agents_of_another_collectivity_get_404(other_commune, make_citizen, agenda, booked):
    outsider = make_citizen("agent@saint-laurent.example.fr")
    outsider.groups.add(other_commune.agents_group)
    client = client_for(outsider)
    day = timezone.localdate(booked.booking.start)
    assert client.get(schedule_url(agenda, "day", day)).status_code == 404
    assert client.get(reverse("appointments_admin:close", args=[agenda.pk])).status_code == 404
    no_show = reverse("appointments_admin:no_show", args=[booked.booking_id])
    assert client.post(no_show).status_code == 404
    assert agenda.name not in client.get(reverse("appointments_admin:agendas")).content.decode()


def test_an_agent_marks_a_no_show_once_the_appointment_has_started(agent, agenda, booked):
    client = client_for(agent)
    no_show = reverse("appointments_admin:no_show", args=[booked.booking_id])
    response = client.post(no_show, follow=True)
    assert (
        "Only a confirmed appointment that has started can be a no-show."
        in response.content.decode()
    )
    assert Booking.objects.get(pk=booked.booking_id).status == "booked"
    Booking.objects.filter(pk=booked.booking_id).update(
        start=timezone.now() - timedelta(minutes=5), end=timezone.now() + timedelta(minutes=25)
    )
    client.post(no_show)
    assert Booking.objects.get(pk=booked.booking_id).status == "no_show"


def test_closing_a_period_cancels_its_appointments_and_tells_the_citizens(
    agent, agenda, booked, django_capture_on_commit_callbacks
):
    day = timezone.localdate(booked.booking.start)
    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(agent).post(
            reverse("appointments_admin:close", args=[agenda.pk]),
            {"day": day, "reason": "Fermeture exceptionnelle de la mairie"},
        )
    assert response.status_code == 302
    assert Booking.objects.get(pk=booked.booking_id).status == "cancelled"
    (message,) = mail.outbox
    assert message.to == ["camille@example.org"]
    assert "Fermeture exceptionnelle de la mairie" in message.body
    assert "has had to cancel your appointment" in message.body
    assert slots_after(agenda, 0, 1000) and all(
        timezone.localdate(slot.start) != day for slot in slots_after(agenda, 0, 1000)
    )


def test_closing_needs_both_times_or_none(agent, agenda):
    response = client_for(agent).post(
        reverse("appointments_admin:close", args=[agenda.pk]),
        {"day": timezone.localdate(), "start_time": "10:00", "reason": "Travaux"},
    )
    assert response.status_code == 200
    assert "Give both times, or none to close the whole day." in response.content.decode()
    assert not Appointment.objects.exists() and not agenda.closures.exists()
