"""The reminder the day before: sent once, however often the periodic task runs."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_q.models import Schedule

from citizen_space.appointments.services.notices import reminders_send
from citizen_space.appointments.tasks import send_notice, send_reminders
from commune_sites.agendas.services import booking_cancel

from .conftest import iso, slots_after
from .helpers import book

pytestmark = pytest.mark.django_db


@pytest.fixture
def booked(agenda, citizen, citizen_client, make_draft, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        request = book(citizen_client, make_draft(citizen), iso(slots_after(agenda, 30, 1)[0]))
    mail.outbox.clear()
    return request.appointments.select_related("booking").get()


def the_day_before(appointment):
    """A moment of the day before the appointment, after its booking."""
    start = timezone.localtime(appointment.booking.start)
    return start.replace(hour=0, minute=30) - timedelta(days=1)


def reminders():
    return [m for m in mail.outbox if m.subject.startswith("Reminder")]


def test_the_reminder_goes_the_day_before_once_even_if_the_task_runs_twice(booked):
    assert reminders_send(now=the_day_before(booked) - timedelta(days=1)) == 0
    assert reminders_send(now=the_day_before(booked)) == 1
    assert reminders_send(now=the_day_before(booked) + timedelta(hours=1)) == 0
    assert send_notice(booked.pk, "reminder") == "already sent"
    (message,) = reminders()
    assert message.to == ["camille@example.org"]
    assert message.attachments[0][0].endswith(".ics")
    assert booked.booking.agenda.place in message.body


def test_the_periodic_task_is_scheduled_hourly(booked):
    schedule = Schedule.objects.get(name="appointments-reminders")
    assert schedule.func == "citizen_space.appointments.tasks.send_reminders"
    assert schedule.schedule_type == Schedule.HOURLY
    assert Schedule.objects.get(name="appointments-expired-holds").minutes == 10
    assert send_reminders() in (0, 1)  # whatever the time, it runs and sends at most one
    assert len(reminders()) <= 1


def test_a_cancelled_appointment_gets_no_reminder(booked):
    booking_cancel(booking=booked.booking, ignore_deadline=True)
    assert reminders_send(now=the_day_before(booked)) == 0
    assert send_notice(booked.pk, "reminder") == "out of date"
    assert reminders() == []
