"""Moving and cancelling an appointment from "My space", until the agenda's deadline."""

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from commune_sites.agendas.models import Booking
from commune_sites.agendas.services import slot_hold

from .conftest import client_for, iso, slots_after
from .helpers import book

pytestmark = pytest.mark.django_db


def url(view, appointment) -> str:
    return reverse(f"citizen_space:appointments:{view}", args=[appointment.pk])


@pytest.fixture
def booked(agenda, citizen, citizen_client, make_draft, django_capture_on_commit_callbacks):
    """An appointment two days ahead, booked through the request flow; its email read."""

    def make(hours=48):
        with django_capture_on_commit_callbacks(execute=True):
            request = book(
                citizen_client, make_draft(citizen), iso(slots_after(agenda, hours, 1)[0])
            )
        mail.outbox.clear()
        return request.appointments.select_related("booking").get()

    return make


def ics_of(message) -> Calendar:
    return Calendar.from_ical(message.attachments[0][1])


def test_my_space_lists_the_appointment_with_a_way_to_change_it(booked, citizen_client):
    appointment = booked()
    home = citizen_client.get(reverse("citizen_space:home")).content.decode()
    assert f'id="appointment-{appointment.pk}"' in home
    assert url("detail", appointment) in home
    detail = citizen_client.get(url("detail", appointment)).content.decode()
    assert 'id="appointment-move"' in detail and 'id="appointment-cancel"' in detail


def test_moving_books_the_new_slot_frees_the_old_one_at_once_and_sends_a_new_ics(
    agenda, booked, citizen_client, django_capture_on_commit_callbacks
):
    appointment = booked()
    old_start = appointment.booking.start
    new = next(s for s in slots_after(agenda, 72, 5) if s.start != old_start)
    page = citizen_client.get(url("move", appointment), {"slot-week": new.start.date()})
    assert f'value="{iso(new)}"' in page.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = citizen_client.post(url("move", appointment), {"slot": iso(new)})
    assert response.status_code == 302
    appointment.booking.refresh_from_db()
    assert appointment.booking.start == new.start
    assert old_start in [s.start for s in slots_after(agenda, 47, 100)]
    (message,) = mail.outbox
    assert "has been moved" in message.subject
    event = ics_of(message).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == new.start
    assert event["SEQUENCE"] == 1


def test_moving_to_a_slot_taken_meanwhile_is_refused_clearly(agenda, booked, citizen_client):
    appointment = booked()
    taken = next(s for s in slots_after(agenda, 72, 5) if s.start != appointment.booking.start)
    slot_hold(agenda=agenda, start=taken.start, holder="user:someone-else")
    response = citizen_client.post(url("move", appointment), {"slot": iso(taken)})
    assert response.status_code == 400
    assert "this slot has just been taken" in response.content.decode()
    appointment.booking.refresh_from_db()
    assert appointment.booking.start != taken.start


def test_cancelling_frees_the_slot_at_once_and_sends_a_cancellation(
    agenda, booked, citizen_client, django_capture_on_commit_callbacks
):
    appointment = booked()
    start = appointment.booking.start
    assert citizen_client.get(url("cancel", appointment)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = citizen_client.post(url("cancel", appointment))
    assert response.status_code == 302
    appointment.booking.refresh_from_db()
    assert appointment.booking.status == "cancelled"
    assert start in [s.start for s in slots_after(agenda, 47, 100)]
    (message,) = mail.outbox
    assert "is cancelled" in message.subject
    calendar = ics_of(message)
    assert calendar["METHOD"] == "CANCEL"
    assert calendar.walk("VEVENT")[0]["STATUS"] == "CANCELLED"
    home = citizen_client.get(reverse("citizen_space:home")).content.decode()
    assert f'id="appointment-{appointment.pk}"' not in home


def test_after_the_deadline_the_appointment_can_no_longer_be_changed_online(
    agenda, booked, citizen_client
):
    appointment = booked(hours=2)  # the deadline is 24 hours before
    detail = citizen_client.get(url("detail", appointment)).content.decode()
    assert 'id="appointment-too-late"' in detail
    assert 'id="appointment-cancel"' not in detail
    cancel = citizen_client.post(url("cancel", appointment))
    assert cancel.status_code == 400
    assert "until 24 hours before they start" in cancel.content.decode()
    later = next(s for s in slots_after(agenda, 72, 5))
    move = citizen_client.post(url("move", appointment), {"slot": iso(later)})
    assert move.status_code == 400
    assert "until 24 hours before they start" in move.content.decode()
    appointment.booking.refresh_from_db()
    assert appointment.booking.status == "booked"


def test_the_deadline_follows_the_agenda_setting(agenda, booked, citizen_client):
    agenda.cancel_min_notice_hours = 1
    agenda.save()
    appointment = booked(hours=2)
    response = citizen_client.post(url("cancel", appointment))
    assert response.status_code == 302
    assert Booking.objects.get(pk=appointment.booking_id).status == "cancelled"


def test_the_calendar_file_can_be_downloaded(booked, citizen_client):
    appointment = booked()
    response = citizen_client.get(url("ics", appointment))
    assert response["Content-Type"] == "text/calendar"
    event = Calendar.from_ical(response.content).walk("VEVENT")[0]
    assert event.decoded("DTSTART") == appointment.booking.start


@pytest.mark.parametrize("view", ["detail", "move", "cancel", "ics"])
def test_someone_else_s_appointment_is_not_found(booked, make_citizen, view):
    appointment = booked()
    stranger = client_for(make_citizen("stranger@example.org"))
    assert stranger.get(url(view, appointment)).status_code == 404
    assert stranger.post(url(view, appointment)).status_code in (404, 405)
    appointment.booking.refresh_from_db()
    assert appointment.booking.status == "booked"


def test_choosing_the_same_slot_is_not_a_move(booked, citizen_client):
    appointment = booked()
    response = citizen_client.post(url("move", appointment), {"slot": iso(appointment.booking)})
    assert response.status_code == 400
    assert "already the time of your appointment" in response.content.decode()
    assert mail.outbox == []
