"""Holding the slot when the step is saved, booking it when the request is sent."""

import pytest
from django.core import mail
from django.urls import reverse
from icalendar import Calendar

from citizen_space.appointments.models import Appointment
from commune_sites.agendas.models import Booking
from commune_sites.agendas.services import slot_hold

from .conftest import client_for, iso, slots_after
from .helpers import book, post_step, step_url

pytestmark = pytest.mark.django_db


def test_saving_the_step_holds_the_slot_and_sending_books_it_with_an_ics_confirmation(
    agenda, citizen, citizen_client, make_draft, django_capture_on_commit_callbacks
):
    slot = slots_after(agenda, 2, 1)[0]
    draft = make_draft(citizen)
    post_step(
        citizen_client,
        draft,
        1,
        {"appointment": iso(slot), "appointment-application_ids": "AB12345678"},
    )
    appointment = Appointment.objects.get(submission=draft, field_name="appointment")
    assert (appointment.booking.status, appointment.booking.start) == ("held", slot.start)
    assert [p.number for p in appointment.pre_applications.all()] == ["AB12345678"]
    assert slot.start not in [s.start for s in slots_after(agenda, 2, 100)]

    post_step(citizen_client, draft, 2, {"phone": "06 12 34 56 78"})
    with django_capture_on_commit_callbacks(execute=True):
        response = citizen_client.post(reverse("citizen_space:draft_submit", args=[draft.pk]))
    assert response.status_code == 302
    appointment.booking.refresh_from_db()
    draft.refresh_from_db()
    assert appointment.booking.status == "booked"
    assert appointment.booking.reference == draft.reference

    confirmations = [m for m in mail.outbox if "appointment is confirmed" in m.subject]
    assert len(confirmations) == 1
    message = confirmations[0]
    assert message.to == ["camille@example.org"]
    assert draft.reference in message.body
    name, content, mimetype = message.attachments[0]
    assert name.endswith(".ics") and mimetype.startswith("text/calendar; method=REQUEST")
    calendar = Calendar.from_ical(content)
    event = calendar.walk("VEVENT")[0]
    assert calendar["METHOD"] == "REQUEST"
    assert event["UID"] == f"appointment-{appointment.pk}@portal.localhost"
    assert event.decoded("DTSTART") == slot.start
    assert event.decoded("DTEND") == slot.end
    assert "Hôtel de ville" in str(event["LOCATION"])
    assert f"/mon-espace/rendez-vous/{appointment.pk}/" in str(event["URL"])


def test_a_slot_taken_meanwhile_is_refused_clearly_with_other_slots_and_answers_kept(
    agenda, citizen, citizen_client, make_draft, make_citizen
):
    first, second = slots_after(agenda, 2, 2)
    slot_hold(agenda=agenda, start=first.start, holder="user:someone-else")
    draft = make_draft(citizen)
    response = post_step(
        citizen_client,
        draft,
        1,
        {"appointment": iso(first), "appointment-application_ids": "AB12345678"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "this slot has just been taken or is no longer available" in html
    assert 'href="#id_appointment_0"' in html  # the error summary leads to the slots
    assert f'value="{iso(first)}"' not in html
    assert f'value="{iso(second)}"' in html
    assert 'value="AB12345678"' in html
    assert not Appointment.objects.filter(submission=draft).exists()


def test_one_citizen_cannot_hold_two_slots_of_an_agenda_at_once(
    agenda, citizen, citizen_client, make_draft, make_procedure, procedure
):
    first, second = slots_after(agenda, 2, 2)
    post_step(
        citizen_client,
        make_draft(citizen),
        1,
        {"appointment": iso(first), "appointment-application_ids": "AB12345678"},
    )
    other = make_draft(citizen, on=make_procedure(procedure.form.raw_data, title="Autre"))
    response = post_step(
        citizen_client,
        other,
        1,
        {"appointment": iso(second), "appointment-application_ids": "CD12345678"},
    )
    assert response.status_code == 200
    assert "You already have an appointment, or a slot being booked" in response.content.decode()


def test_an_agenda_may_allow_several_appointments_per_person(
    agenda, citizen, citizen_client, make_draft, make_procedure, procedure
):
    agenda.allow_multiple_per_person = True
    agenda.save()
    first, second = slots_after(agenda, 2, 2)
    post_step(
        citizen_client,
        make_draft(citizen),
        1,
        {"appointment": iso(first), "appointment-application_ids": "AB12345678"},
    )
    other = make_draft(citizen, on=make_procedure(procedure.form.raw_data, title="Autre"))
    response = post_step(
        citizen_client,
        other,
        1,
        {"appointment": iso(second), "appointment-application_ids": "CD12345678"},
    )
    assert response.status_code == 302


def test_choosing_another_slot_frees_the_first_at_once(
    agenda, citizen, citizen_client, make_draft, make_citizen
):
    first, second = slots_after(agenda, 2, 2)
    draft = make_draft(citizen)
    data = {"appointment-application_ids": "AB12345678"}
    post_step(citizen_client, draft, 1, {**data, "appointment": iso(first)})
    post_step(citizen_client, draft, 1, {**data, "appointment": iso(second)})
    booking = Appointment.objects.get(submission=draft).booking
    assert booking.start == second.start
    assert Booking.objects.get(agenda=agenda, start=first.start).status == "released"
    neighbour = make_citizen("dominique@example.org")
    other_draft = make_draft(neighbour)
    response = post_step(client_for(neighbour), other_draft, 1, {**data, "appointment": iso(first)})
    assert response.status_code == 302


def test_a_hold_lost_before_sending_sends_the_citizen_back_to_choose_again(
    agenda, citizen, citizen_client, make_draft
):
    slot = slots_after(agenda, 2, 1)[0]
    draft = make_draft(citizen)
    post_step(
        citizen_client,
        draft,
        1,
        {"appointment": iso(slot), "appointment-application_ids": "AB12345678"},
    )
    post_step(citizen_client, draft, 2, {"phone": "06 12 34 56 78"})
    booking = Appointment.objects.get(submission=draft).booking
    Booking.objects.filter(pk=booking.pk).update(status="released")  # as the expiry task does
    response = citizen_client.post(reverse("citizen_space:draft_submit", args=[draft.pk]))
    html = response.content.decode()
    assert response.status_code == 400
    assert "Your appointment: Your reservation of this slot has expired or was cancelled." in html
    assert f'href="{step_url(draft, 1)}"' in html
    draft.refresh_from_db()
    assert draft.is_draft and draft.reference == ""


def test_the_confirmation_is_sent_once_however_often_the_task_runs(
    agenda, citizen, citizen_client, make_draft, django_capture_on_commit_callbacks
):
    from citizen_space.appointments.tasks import send_notice

    draft = make_draft(citizen)
    with django_capture_on_commit_callbacks(execute=True):
        request = book(citizen_client, draft, iso(slots_after(agenda, 2, 1)[0]))
    appointment = request.appointments.get()
    assert send_notice(appointment.pk, "confirmed") == "already sent"
    assert len([m for m in mail.outbox if "confirmed" in m.subject]) == 1
