"""ANTS's coordination API: pre-application numbers checked when a slot is held, appointments
declared when booked or moved and withdrawn when cancelled.

ANTS being unreachable never blocks a citizen: the numbers are then accepted unchecked, and the
declarations are made by a task retried with growing delays (ANTS_RETRY_DELAYS) until ANTS
answers. Nothing is sent when ANTS_API_URL is not set.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django_q.tasks import async_task, schedule

from commune_sites.agendas.models import Booking
from forms_builder.kinds.appointment import slot_label

from .. import app_settings
from ..ants import client
from ..links import appointment_url
from ..models import Appointment

logger = logging.getLogger(__name__)

SYNC_TASK = "citizen_space.appointments.tasks.sync_with_ants"
VALIDATED, CONSUMED = "validated", "consumed"


def pre_applications_check(*, numbers: list[str]) -> None:
    """Refuse pre-application numbers that ANTS does not know, that were used already, or that
    have an appointment elsewhere: ValidationError with one clear message per number."""
    if not client.is_configured():
        return
    try:
        statuses = client.application_status(numbers)
    except client.AntsUnavailable:
        logger.warning("Pre-application numbers %s accepted unchecked: ANTS unreachable.", numbers)
        return
    problems = [message for number in numbers if (message := _problem(number, statuses))]
    if problems:
        raise ValidationError(problems)


def _problem(number: str, statuses: dict) -> str | None:
    info = statuses.get(number) or {}
    status = info.get("status")
    if status == CONSUMED:
        return _(
            "The pre-application %(number)s has already been used for an application: make a "
            "new pre-application on the ANTS website."
        ) % {"number": number}
    if status != VALIDATED:
        return _(
            "The pre-application %(number)s is not known by the ANTS. Check the number on the "
            "summary of your pre-application."
        ) % {"number": number}
    elsewhere = [a for a in info.get("appointments") or [] if isinstance(a, dict)]
    if elsewhere:
        other = elsewhere[0]
        return _(
            "The pre-application %(number)s already has an appointment (%(when)s, %(place)s). "
            "Cancel it before booking another one: %(url)s"
        ) % {
            "number": number,
            "when": _when(other.get("appointment_date")),
            "place": other.get("meeting_point", ""),
            "url": other.get("management_url", ""),
        }
    return None


def _when(appointment_date) -> str:
    """A date of the coordination API (wall-clock time, maybe with an offset), as people read it."""
    moment = parse_datetime(appointment_date) if isinstance(appointment_date, str) else None
    if moment is None:
        return str(appointment_date or "")
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return slot_label(moment)


def ants_sync_queue(*, appointment_id: int) -> None:
    """Queue the declaration (or withdrawal) of an appointment, if it has numbers for ANTS."""
    if (
        client.is_configured()
        and Appointment.objects.filter(pk=appointment_id, pre_applications__isnull=False).exists()
    ):
        async_task(SYNC_TASK, appointment_id, task_name=f"ants-sync-{appointment_id}")


def ants_sync(*, appointment_id: int) -> str:
    """Bring what ANTS knows of the appointment in line with it: declared at its start while
    booked (or marked a no-show), withdrawn otherwise. Idempotent; when ANTS cannot be
    reached, what is left is tried again later. Returns what was done, for the task's result."""
    if not client.is_configured():
        return "not configured"
    with transaction.atomic():
        appointment = (
            Appointment.objects.select_for_update(of=("self",))
            .select_related(
                "booking__agenda__collectivity",
                "booking__agenda__meeting_point",
                "submission__collectivity__site",
            )
            .get(pk=appointment_id)
        )
        booking = appointment.booking
        kept = (Booking.Status.BOOKED, Booking.Status.NO_SHOW)
        wanted = booking.start if booking.status in kept else None
        meeting_point, meeting_point_id = _meeting_point(booking.agenda)
        url = appointment_url(appointment, language=settings.LANGUAGE_CODE)
        failed = 0
        for pre in appointment.pre_applications.all():
            if pre.declared_start == wanted:
                continue
            try:
                if pre.declared_start is not None:
                    client.appointment_withdraw(
                        number=pre.number,
                        meeting_point=pre.declared_meeting_point,
                        meeting_point_id=meeting_point_id,
                        start=pre.declared_start,
                    )
                    pre.declared_start, pre.declared_meeting_point = None, ""
                if wanted is not None:
                    client.appointment_declare(
                        number=pre.number,
                        meeting_point=meeting_point,
                        meeting_point_id=meeting_point_id,
                        start=wanted,
                        management_url=url,
                    )
                    pre.declared_start, pre.declared_meeting_point = wanted, meeting_point
                pre.sync_attempts = 0
            except client.AntsUnavailable:
                pre.sync_attempts += 1
                failed = max(failed, pre.sync_attempts)
            pre.save()
        if failed:
            return _retry_later(appointment_id, failed)
    return "in sync"


def _meeting_point(agenda) -> tuple[str, str]:
    """The name and id ANTS knows the agenda's place by."""
    point = getattr(agenda, "meeting_point", None)
    if point is not None:
        return point.name, str(point.pk)
    return f"{agenda.place}, {agenda.collectivity.name}", ""


def _retry_later(appointment_id: int, attempt: int) -> str:
    delays = app_settings.ants_retry_delays()
    if attempt > len(delays):
        logger.error(
            "Appointment %s not synchronised with ANTS after %s attempts.", appointment_id, attempt
        )
        return "given up"
    next_run = timezone.now() + timedelta(seconds=delays[attempt - 1])
    transaction.on_commit(lambda: schedule(SYNC_TASK, appointment_id, next_run=next_run))
    return "retry scheduled"
