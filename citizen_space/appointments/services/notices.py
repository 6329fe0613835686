"""Emails to the citizen about their appointment, each with the .ics file of the event.

Sent by tasks once the change is committed; each kind of email is sent once per state of the
booking (AppointmentNotice), however many times the task runs. The reminder goes the day
before, from a periodic task.
"""

import logging
from datetime import datetime, timedelta

from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django_q.tasks import async_task

from commune_sites.agendas.models import Booking

from .. import selectors
from ..ics import appointment_ics, ics_filename
from ..links import appointment_url, portal_root
from ..models import Appointment, AppointmentNotice

logger = logging.getLogger(__name__)

SEND_TASK = "citizen_space.appointments.tasks.send_notice"
Kind = AppointmentNotice.Kind
Status = Booking.Status
# The booking's status each kind of email is about: another one means it is out of date.
STATUS_OF = {
    Kind.CONFIRMED: Status.BOOKED,
    Kind.MOVED: Status.BOOKED,
    Kind.REMINDER: Status.BOOKED,
    Kind.CANCELLED: Status.CANCELLED,
    Kind.CLOSED: Status.CANCELLED,
}


def notice_queue(*, appointment_id: int, kind: str) -> None:
    async_task(SEND_TASK, appointment_id, kind, task_name=f"appointment-{kind}-{appointment_id}")


def notice_send(*, appointment_id: int, kind: str) -> str:
    """Send the `kind` email about an appointment unless it was sent for its current state or
    is out of date (a move or a cancellation came since). Returns what was done."""
    with transaction.atomic():
        appointment = (
            selectors.appointment_with_relations(pk=appointment_id)
            .select_for_update(of=("self",))
            .get()
        )
        booking, user = appointment.booking, appointment.submission.user
        if booking.status != STATUS_OF[kind]:
            logger.info("%s email of appointment %s skipped: out of date.", kind, appointment_id)
            return "out of date"
        notices = appointment.notices.all()
        if notices.filter(kind=kind, version=booking.updated_at).exists():
            logger.info("%s email of appointment %s skipped: already sent.", kind, appointment_id)
            return "already sent"
        if user is None or not user.email:
            return "no address"
        # Recorded first, so that the .ics counts this change; undone if the mail fails.
        AppointmentNotice.objects.create(
            appointment=appointment, kind=kind, start=booking.start, version=booking.updated_at
        )
        notice_message(appointment, kind).send()
    logger.info("%s email of appointment %s sent.", kind, appointment_id)
    return "sent"


def notice_message(appointment: Appointment, kind: str) -> EmailMessage:
    """The email of `kind` about the appointment, in the request's language, with its .ics."""
    submission = appointment.submission
    booking = appointment.booking
    cancelled = kind in (Kind.CANCELLED, Kind.CLOSED)
    with translation.override(submission.language):
        context = {
            "kind": kind,
            "appointment": appointment,
            "booking": booking,
            "agenda": booking.agenda,
            "submission": submission,
            "collectivity": booking.agenda.collectivity,
            "closure": _closure_reason(booking) if kind == Kind.CLOSED else "",
            "detail_url": appointment_url(appointment),
            "portal_url": portal_root(submission.collectivity),
        }
        subject = render_to_string("appointments/emails/notice_subject.txt", context)
        body = render_to_string("appointments/emails/notice_body.txt", context)
        message = EmailMessage(" ".join(subject.split()), body, to=[submission.user.email])
        method = "CANCEL" if cancelled else "REQUEST"
        message.attach(
            ics_filename(appointment),
            appointment_ics(appointment, cancelled=cancelled),
            f"text/calendar; method={method}; charset=utf-8",
        )
    return message


def _closure_reason(booking: Booking) -> str:
    closures = booking.agenda.closures.filter(start__lte=booking.start, end__gt=booking.start)
    return closures.order_by("start").values_list("reason", flat=True).last() or ""


def reminders_send(*, now: datetime | None = None) -> int:
    """Send the reminder of every appointment of tomorrow not reminded yet; returns how many.

    Run it as often as wished (hourly): each reminder goes once.
    """
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    ids = list(selectors.appointments_to_remind(day=tomorrow).values_list("pk", flat=True))
    return sum(notice_send(appointment_id=pk, kind=Kind.REMINDER) == "sent" for pk in ids)
