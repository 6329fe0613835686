"""Reads on appointments shared by the citizen's pages, the agents' views, tasks and ANTS."""

from datetime import date, datetime, timedelta

from django.db.models import Exists, OuterRef, QuerySet
from django.utils import timezone

from commune_sites.agendas.models import Agenda, Booking
from commune_sites.agendas.slots import day_start, portal_timezone
from forms_builder.snapshot import iter_inputs

from . import permissions
from .models import Appointment, AppointmentNotice, MeetingPoint, PreApplication

Status = Booking.Status


def appointment_questions(snapshot: dict, step_index: int | None = None):
    """(step index, question) for each appointment question of a form (or of one step)."""
    return [
        (index, question)
        for index, question, _conditions in iter_inputs(snapshot, step_index)
        if question["type"] == "appointment"
    ]


def _with_relations(appointments: QuerySet) -> QuerySet[Appointment]:
    return appointments.select_related(
        "booking__agenda__collectivity", "submission__collectivity__site", "submission__user"
    )


def citizen_appointments(*, user, now: datetime | None = None) -> QuerySet[Appointment]:
    """The citizen's booked appointments that have not ended, soonest first."""
    now = now or timezone.now()
    return _with_relations(
        permissions.appointments_visible_to(user).filter(
            booking__status=Status.BOOKED, booking__end__gt=now
        )
    ).order_by("booking__start")


def appointment_get_visible(*, user, pk: int) -> Appointment | None:
    return _with_relations(permissions.appointments_visible_to(user).filter(pk=pk)).first()


def appointment_with_relations(*, pk: int) -> QuerySet[Appointment]:
    return _with_relations(Appointment.objects.filter(pk=pk))


def draft_appointments(*, submission) -> dict[str, Appointment]:
    """The request's appointments by question name, with their bookings."""
    return {
        appointment.field_name: appointment
        for appointment in submission.appointments.select_related("booking__agenda")
    }


def agenda_schedule(*, agenda: Agenda, first_day: date, last_day: date) -> QuerySet[Booking]:
    """The agenda's appointments (held, booked, no-shows) from `first_day` to `last_day`, with
    their requests and citizens, in time order."""
    tz = portal_timezone()
    return (
        Booking.objects.filter(
            agenda=agenda,
            status__in=[Status.HELD, Status.BOOKED, Status.NO_SHOW],
            start__gte=day_start(first_day, tz),
            start__lt=day_start(last_day + timedelta(days=1), tz),
        )
        .select_related("appointment__submission__user__citizen_profile")
        .prefetch_related("appointment__pre_applications")
        .order_by("start", "pk")
    )


def appointments_to_remind(*, day: date) -> QuerySet[Appointment]:
    """Booked appointments on `day` whose reminder for their current slot is not sent."""
    tz = portal_timezone()
    reminded = AppointmentNotice.objects.filter(
        appointment=OuterRef("pk"),
        kind=AppointmentNotice.Kind.REMINDER,
        start=OuterRef("booking__start"),
    )
    return (
        Appointment.objects.filter(
            booking__status=Status.BOOKED,
            booking__start__gte=day_start(day, tz),
            booking__start__lt=day_start(day + timedelta(days=1), tz),
        )
        .exclude(Exists(reminded))
        .order_by("booking__start")
    )


def meeting_points_offered() -> QuerySet[MeetingPoint]:
    return (
        MeetingPoint.objects.filter(active=True, agenda__active=True)
        .select_related("agenda__collectivity")
        .order_by("pk")
    )


def pre_applications_booked(
    *, numbers: list[str], now: datetime | None = None
) -> QuerySet[PreApplication]:
    """Upcoming booked appointments given for these pre-application numbers."""
    now = now or timezone.now()
    return (
        PreApplication.objects.filter(
            number__in=numbers,
            appointment__booking__status=Status.BOOKED,
            appointment__booking__end__gt=now,
        )
        .select_related(
            "appointment__booking__agenda__meeting_point",
            "appointment__booking__agenda__collectivity",
            "appointment__submission__collectivity__site",
        )
        .order_by("appointment__booking__start")
    )
