"""The slot of a request: held when its step is saved, booked when the request is sent, then
moved or cancelled by the citizen, marked or cancelled by agents.

The agendas' services decide (capacity, deadlines, one active booking per person); these add
the link to the request, the citizen's emails and the declarations to ANTS, sent once the
change is committed.
"""

import logging
from datetime import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from citizen_space.models import Submission
from commune_sites.agendas import services as agenda_services
from commune_sites.agendas.exceptions import BookingError, SlotUnavailable
from commune_sites.agendas.models import Agenda, Booking
from forms_builder.engine import StepForm, part_name
from forms_builder.kinds.appointment import parse_start

from .. import app_settings, selectors
from ..models import Appointment, AppointmentNotice, PreApplication
from .ants import ants_sync_queue, pre_applications_check
from .notices import notice_queue

logger = logging.getLogger(__name__)
Status = Booking.Status
Kind = AppointmentNotice.Kind


def holder_of(user) -> str:
    """How a booking names the citizen (one active booking per holder and agenda)."""
    return f"user:{user.pk}"


def appointments_hold_step(*, draft: Submission, form: StepForm) -> None:
    """Hold the slots chosen in the appointment questions of a valid step, before it is saved.

    A refusal (slot just taken, one appointment at a time, pre-application number refused) is
    added to the form as the error of its question, so that the step is shown again with the
    other answers kept and the week's free slots. A question left empty or hidden gives its
    hold back.
    """
    for _index, question in selectors.appointment_questions(draft.form_snapshot, form.step_index):
        name = question["name"]
        if name not in form.answers:
            continue
        try:
            appointment_hold(draft=draft, question=question, answer=form.answers[name])
        except BookingError as error:
            form.add_error(name, str(error.message))
        except ValidationError as error:
            form.add_error(part_name(name, "application_ids"), error)


@transaction.atomic
def appointment_hold(*, draft: Submission, question: dict, answer: dict | None) -> None:
    """Hold the slot of `answer` for the draft's question (or give the hold back if None).

    Raises BookingError (SlotUnavailable, AlreadyHolding) or ValidationError (pre-application
    numbers refused by ANTS); nothing changes then.
    """
    name = question["name"]
    appointment = selectors.draft_appointments(submission=draft).get(name)
    booking = appointment.booking if appointment and appointment.booking.is_active else None
    if answer is None:
        if booking is not None:
            agenda_services.booking_release(booking=booking)
        return
    numbers = answer.get("application_ids") or []
    if numbers:
        pre_applications_check(numbers=numbers)
    start, now = parse_start(answer["start"]), timezone.now()
    still_held = booking is not None and booking.start == start and booking.held_until > now
    if not still_held:
        if booking is not None:  # another slot, or a hold about to be released
            agenda_services.booking_release(booking=booking)
        agenda = Agenda.objects.filter(pk=question["agenda"]).first()
        if agenda is None:
            raise SlotUnavailable(_("This service is not taking appointments at the moment."))
        booking = agenda_services.slot_hold(
            agenda=agenda,
            start=start,
            holder=holder_of(draft.user),
            hold_minutes=app_settings.hold_minutes(),
            now=now,
        )
    appointment, _created = Appointment.objects.update_or_create(
        submission=draft, field_name=name, defaults={"booking": booking}
    )
    appointment.pre_applications.exclude(number__in=numbers).delete()
    PreApplication.objects.bulk_create(
        [PreApplication(appointment=appointment, number=number) for number in numbers],
        ignore_conflicts=True,
    )


def appointments_book(*, submission: Submission) -> None:
    """Book the held slots of a request being submitted, inside the submission's transaction.

    Call it once the answers are cleaned and the reference given. Raises a ValidationError
    (code "invalid_step", params["step"]) when a slot is no longer held, so that the citizen is
    sent back to the step to choose again. The confirmations and the declarations to ANTS
    leave once the request is committed.
    """
    questions = list(selectors.appointment_questions(submission.form_snapshot))
    if not questions:
        return
    appointments = selectors.draft_appointments(submission=submission)
    booked = []
    for index, question in questions:
        appointment = appointments.get(question["name"])
        answer = submission.answers.get(question["name"])
        if answer is None:
            if appointment and appointment.booking.status == Status.HELD:
                agenda_services.booking_release(booking=appointment.booking)
            continue
        try:
            if appointment is None or appointment.booking.start != parse_start(answer["start"]):
                raise SlotUnavailable(
                    _("Your reservation of this slot has expired. Please choose a slot again.")
                )
            agenda_services.booking_confirm(
                booking=appointment.booking, reference=submission.reference
            )
        except SlotUnavailable as error:
            raise ValidationError(
                "%(label)s: %(message)s",
                code="invalid_step",
                params={"step": index, "label": question["label"], "message": error.message},
            ) from None
        booked.append(appointment.pk)
    for pk in booked:
        _after_commit(pk, Kind.CONFIRMED)


@transaction.atomic
def appointment_move(
    *, appointment: Appointment, new_start: datetime, now: datetime | None = None
) -> Appointment:
    """The citizen moves their appointment (until the agenda's deadline; the old slot is free
    at once). Raises DeadlinePassed, SlotUnavailable or BookingError."""
    agenda_services.booking_move(booking=appointment.booking, new_start=new_start, now=now)
    _after_commit(appointment.pk, Kind.MOVED)
    return appointment


@transaction.atomic
def appointment_cancel(*, appointment: Appointment, now: datetime | None = None) -> Appointment:
    """The citizen cancels their appointment (until the agenda's deadline). Raises
    DeadlinePassed or BookingError."""
    agenda_services.booking_cancel(booking=appointment.booking, now=now)
    _after_commit(appointment.pk, Kind.CANCELLED)
    return appointment


@transaction.atomic
def appointment_mark_no_show(*, booking: Booking, now: datetime | None = None) -> Booking:
    """An agent records that the citizen did not come (the ANTS declaration stays)."""
    return agenda_services.booking_mark_no_show(booking=booking, now=now)


@transaction.atomic
def agenda_close(*, agenda: Agenda, start: datetime, end: datetime, reason: str) -> list[Booking]:
    """An agent closes a period of the agenda: its appointments are cancelled, and the citizens
    told by email (with the reason) once it is committed. Returns the bookings ended."""
    ended = agenda_services.agenda_close_range(agenda=agenda, start=start, end=end, reason=reason)
    cancelled = [b.pk for b in ended if b.status == Status.CANCELLED]
    for pk in Appointment.objects.filter(booking__in=cancelled).values_list("pk", flat=True):
        _after_commit(pk, Kind.CLOSED)
    logger.info("%s closed from %s to %s: %d bookings ended.", agenda, start, end, len(ended))
    return ended


def _after_commit(appointment_id: int, kind: str) -> None:
    def send():
        notice_queue(appointment_id=appointment_id, kind=kind)
        ants_sync_queue(appointment_id=appointment_id)

    transaction.on_commit(send, robust=True)
