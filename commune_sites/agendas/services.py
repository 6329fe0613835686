"""Writes on bookings: hold, confirm, release, cancel, move, expire holds, close a period.

Places are counted in `SlotCounter` rows that the database keeps within capacity (a CHECK
constraint); a place is taken by one conditional `UPDATE … SET taken = taken + 1 WHERE taken <
capacity` inside the booking transaction, so concurrent citizens cannot overbook a slot, however
many processes serve them. "One active booking per person and agenda" is a partial unique index.
A place given back (release, cancel, move, expiry) is bookable again as soon as the transaction
commits.

Every service is atomic (a savepoint inside a caller's transaction). Locks are taken in one
order to avoid deadlocks: the agenda, then bookings, then slot counters (by time when several).
"""

from collections import Counter
from datetime import datetime, timedelta

from django.db import IntegrityError, transaction
from django.db.models import F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from .exceptions import AlreadyHolding, BookingError, DeadlinePassed, SlotUnavailable
from .models import Agenda, Booking, Closure, SlotCounter
from .selectors import active_bookings_between
from .slots import (
    cancel_deadline,
    day_starts,
    earliest_start,
    last_bookable_day,
    portal_timezone,
    slot_end,
    weekly_times,
)

HOLD_MINUTES = 20
HOLDER_CONSTRAINT = "agendas_one_active_booking_per_holder"
Status = Booking.Status


@transaction.atomic
def slot_hold(
    *,
    agenda: Agenda,
    start: datetime,
    holder: str,
    reference: str = "",
    hold_minutes: int = HOLD_MINUTES,
    now: datetime | None = None,
) -> Booking:
    """Hold a place in the slot starting at `start` while the citizen finishes the form.

    Raises SlotUnavailable (full, closed, not a slot of the agenda, outside the booking notice
    or horizon) or AlreadyHolding (the agenda allows one active booking per holder). Expired
    holds of the slot, or of the holder, give way.
    """
    now = now or timezone.now()
    agenda = _lock_agenda(agenda)
    end = _check_bookable(agenda, start, now)
    booking = Booking(
        agenda=agenda,
        start=start,
        end=end,
        holder=holder,
        reference=reference,
        status=Status.HELD,
        held_until=now + timedelta(minutes=hold_minutes),
        exclusive=not agenda.allow_multiple_per_person,
    )
    _release_expired_holds(Booking.objects.filter(agenda=agenda, start=start), now)
    _insert_booking(booking, now)
    _take_place(agenda, start)
    return booking


@transaction.atomic
def booking_confirm(*, booking: Booking, reference: str | None = None) -> Booking:
    """Turn a hold into an appointment; a booked appointment stays as it is.

    A hold past `held_until` is still confirmed if nobody has taken its place meanwhile.
    Raises SlotUnavailable when the hold was released or cancelled.
    """
    _lock(booking)
    if not booking.is_active:
        raise SlotUnavailable(
            _(
                "Your reservation of this slot has expired or was cancelled. "
                "Please choose a slot again."
            )
        )
    booking.status = Status.BOOKED
    booking.held_until = None
    if reference is not None:
        booking.reference = reference
    booking.save(update_fields=["status", "held_until", "reference", "updated_at"])
    return booking


@transaction.atomic
def booking_release(*, booking: Booking) -> Booking:
    """Give up a hold (the citizen left the form): its place is free at once.

    No effect on a booking that has already ended; raises BookingError on a booked appointment.
    """
    _lock(booking)
    if booking.status == Status.BOOKED:
        raise BookingError(_("This appointment is confirmed: cancel it instead."))
    if booking.is_active:
        _end([booking])
    return booking


@transaction.atomic
def booking_cancel(
    *, booking: Booking, now: datetime | None = None, ignore_deadline: bool = False
) -> Booking:
    """Cancel an appointment (or release a hold): its place is free at once.

    Citizens may cancel until the agenda's cancellation notice (DeadlinePassed after it);
    agents pass `ignore_deadline=True`. Raises BookingError if it has already ended.
    """
    now = now or timezone.now()
    _lock(booking)
    if not booking.is_active:
        raise BookingError(_("This appointment has already been cancelled."))
    if booking.status == Status.BOOKED and not ignore_deadline:
        _check_deadline(booking.agenda, booking, now)
    _end([booking])
    return booking


@transaction.atomic
def booking_move(*, booking: Booking, new_start: datetime, now: datetime | None = None) -> Booking:
    """Move a hold or an appointment to the slot starting at `new_start`, keeping its identity.

    The rules are those of cancelling (DeadlinePassed for a booked appointment) and of holding
    the new slot (SlotUnavailable); when refused, nothing changes. The old place is free at once.
    """
    now = now or timezone.now()
    agenda = _lock_agenda(booking.agenda)
    _lock(booking)
    if not booking.is_active:
        raise BookingError(_("This appointment has already been cancelled."))
    if booking.status == Status.BOOKED:
        _check_deadline(agenda, booking, now)
    if new_start == booking.start:
        return booking
    end = _check_bookable(agenda, new_start, now)
    _release_expired_holds(Booking.objects.filter(agenda=agenda, start=new_start), now)
    old_start = booking.start
    # Counters in time order, so that two moves in opposite directions cannot deadlock.
    if old_start < new_start:
        _give_back(agenda.pk, old_start)
        _take_place(agenda, new_start)
    else:
        _take_place(agenda, new_start)
        _give_back(agenda.pk, old_start)
    booking.start, booking.end = new_start, end
    booking.save(update_fields=["start", "end", "updated_at"])
    return booking


@transaction.atomic
def booking_mark_no_show(*, booking: Booking, now: datetime | None = None) -> Booking:
    """Record that the citizen did not come to an appointment that has started."""
    now = now or timezone.now()
    _lock(booking)
    if booking.status != Status.BOOKED or booking.start > now:
        raise BookingError(_("Only a confirmed appointment that has started can be a no-show."))
    _end([booking], booked_to=Status.NO_SHOW)
    return booking


@transaction.atomic
def agenda_close_range(
    *, agenda: Agenda, start: datetime, end: datetime, reason: str = ""
) -> list[Booking]:
    """Close the agenda from `start` to `end` and cancel the appointments in that period.

    Returns the bookings it ended (booked ones cancelled, held ones released) so that the
    caller can tell the citizens. Holds in progress finish first (agenda lock), and none can
    slip into the period afterwards. Raises ValidationError if `end` is not after `start`.
    """
    closure = Closure(agenda=agenda, start=start, end=end, reason=reason)
    closure.full_clean()
    Agenda.objects.select_for_update().filter(pk=agenda.pk).values_list("pk").get()
    closure.save()
    return _end(_lock_active(active_bookings_between(agenda=agenda, start=start, end=end)))


@transaction.atomic
def holds_expire(*, now: datetime | None = None) -> int:
    """Release every hold past its `held_until`; returns how many (for a periodic task)."""
    now = now or timezone.now()
    return _release_expired_holds(Booking.objects.all(), now)


def _lock_agenda(agenda: Agenda) -> Agenda:
    """Re-read the agenda, locked so that no period is closed before this transaction ends.

    FOR KEY SHARE: holds do not wait for each other nor for edits of the agenda, only for
    agenda_close_range (FOR UPDATE).
    """
    table = Agenda._meta.db_table
    query = f'SELECT * FROM "{table}" WHERE "id" = %s FOR KEY SHARE'
    return Agenda.objects.raw(query, [agenda.pk])[0]


def _lock(booking: Booking) -> None:
    """Re-read the booking, locked until the transaction ends."""
    booking.refresh_from_db(from_queryset=Booking.objects.select_for_update(of=("self",)))


def _lock_active(bookings: QuerySet) -> list[Booking]:
    return list(
        bookings.filter(status__in=Booking.ACTIVE).select_for_update(of=("self",)).order_by("pk")
    )


def _check_bookable(agenda: Agenda, start: datetime, now: datetime) -> datetime:
    """The end of the slot starting at `start` if a citizen may book it now."""
    if not agenda.active:
        raise SlotUnavailable(_("This service is not taking appointments at the moment."))
    if start < now:
        raise SlotUnavailable(_("This slot has already passed. Please choose another one."))
    if start < earliest_start(agenda, now):
        raise SlotUnavailable(
            ngettext_lazy(
                "Appointments must be booked at least %(hours)d hour in advance. "
                "Please choose a later slot.",
                "Appointments must be booked at least %(hours)d hours in advance. "
                "Please choose a later slot.",
                "hours",
            )
            % {"hours": agenda.book_min_notice_hours}
        )
    tz = portal_timezone()
    day = start.astimezone(tz).date()
    if day > last_bookable_day(agenda, now):
        raise SlotUnavailable(
            ngettext_lazy(
                "Appointments can be booked at most %(days)d day ahead. "
                "Please choose an earlier slot.",
                "Appointments can be booked at most %(days)d days ahead. "
                "Please choose an earlier slot.",
                "days",
            )
            % {"days": agenda.book_max_days_ahead}
        )
    times = weekly_times(
        agenda.opening_hours.filter(weekday=day.weekday()), agenda.slot_minutes
    ).get(day.weekday(), ())
    if start not in day_starts(day, times, tz):
        raise SlotUnavailable(
            _("There is no appointment at this time. Please choose one of the slots offered.")
        )
    end = slot_end(agenda, start)
    if agenda.closures.filter(start__lt=end, end__gt=start).exists():
        raise SlotUnavailable(_("The service is closed at this time. Please choose another slot."))
    return end


def _check_deadline(agenda: Agenda, booking: Booking, now: datetime) -> None:
    if now > cancel_deadline(agenda, booking.start):
        raise DeadlinePassed(agenda.cancel_min_notice_hours)


def _insert_booking(booking: Booking, now: datetime) -> None:
    """Save a new booking; an expired hold of the same holder in the agenda gives way to it."""
    for attempt in range(2):
        try:
            with transaction.atomic():
                booking.save(force_insert=True)
            return
        except IntegrityError as error:
            if _violated_constraint(error) != HOLDER_CONSTRAINT:
                raise
            expired = Booking.objects.filter(agenda=booking.agenda, holder=booking.holder)
            if attempt or not _release_expired_holds(expired, now):
                raise AlreadyHolding from None


def _violated_constraint(error: IntegrityError) -> str | None:
    diagnostic = getattr(error.__cause__, "diag", None)
    return getattr(diagnostic, "constraint_name", None)


def _take_place(agenda: Agenda, start: datetime) -> None:
    """Take one place in the slot, or raise SlotUnavailable: decided by the database."""
    SlotCounter.objects.bulk_create(
        [SlotCounter(agenda=agenda, start=start, capacity=agenda.capacity)], ignore_conflicts=True
    )
    taken = SlotCounter.objects.filter(
        agenda=agenda, start=start, taken__lt=agenda.capacity
    ).update(taken=F("taken") + 1, capacity=agenda.capacity)
    if not taken:
        raise SlotUnavailable


def _give_back(agenda_id: int, start: datetime, count: int = 1) -> None:
    SlotCounter.objects.filter(agenda_id=agenda_id, start=start).update(taken=F("taken") - count)


def _release_expired_holds(bookings: QuerySet, now: datetime) -> int:
    expired = bookings.filter(status=Status.HELD, held_until__lt=now)
    return len(_end(_lock_active(expired)))


def _end(bookings: list[Booking], *, booked_to: str = Status.CANCELLED) -> list[Booking]:
    """End locked active bookings (held ones are released, booked ones get `booked_to`) and
    give their places back. Returns them, updated."""
    now = timezone.now()
    for status, ended in (
        (Status.RELEASED, [b for b in bookings if b.status == Status.HELD]),
        (booked_to, [b for b in bookings if b.status == Status.BOOKED]),
    ):
        if ended:
            Booking.objects.filter(pk__in=[b.pk for b in ended]).update(
                status=status, updated_at=now
            )
        for booking in ended:
            booking.status, booking.updated_at = status, now
    places = Counter((booking.agenda_id, booking.start) for booking in bookings)
    for (agenda_id, start), count in sorted(places.items()):
        _give_back(agenda_id, start, count)
    return bookings
