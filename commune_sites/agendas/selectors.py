"""Reads on agendas shared by the slot picker, the citizen space and the agents' views."""

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

from django.db.models import Count, IntegerField, QuerySet
from django.db.models.functions import Cast, Extract
from django.utils import timezone

from commune_sites.models import Collectivity

from .models import Agenda, Booking, SlotCounter
from .slots import (
    ONE_DAY,
    Slot,
    day_start,
    day_starts,
    earliest_start,
    last_bookable_day,
    portal_timezone,
    weekly_times,
)


def free_slots(
    *, agenda: Agenda, start_date: date, end_date: date, now: datetime | None = None
) -> list[Slot]:
    """The slots a citizen may book, from `start_date` to `end_date` included, in time order.

    A slot is offered when the agenda is active, the slot is within the booking notice and
    horizon, the agenda is open and not closed then, and places are left (holds that expired
    and were not released yet count as free). Four queries whatever the number of bookings;
    three when the agenda's `opening_hours` are prefetched.
    """
    now = now or timezone.now()
    tz = portal_timezone()
    earliest = earliest_start(agenda, now)
    first_day = max(start_date, earliest.astimezone(tz).date())
    last_day = min(end_date, last_bookable_day(agenda, now))
    if not agenda.active or first_day > last_day:
        return []

    times = weekly_times(agenda.opening_hours.all(), agenda.slot_minutes)
    begin, finish = day_start(first_day, tz), day_start(last_day + ONE_DAY, tz)
    closures = list(
        agenda.closures.filter(start__lt=finish, end__gt=begin).values_list("start", "end")
    )
    taken = _taken_places(agenda, begin, finish, now)
    length = timedelta(minutes=agenda.slot_minutes)

    slots = []
    for day in _days(first_day, last_day):
        day_times = times.get(day.weekday())
        if not day_times:
            continue
        starts = day_starts(day, day_times, tz)
        if day == first_day:
            starts = [start for start in starts if start >= earliest]
        day_begin, day_end = day_start(day, tz), day_start(day + ONE_DAY, tz)
        day_closures = [
            (c_from, c_until)
            for c_from, c_until in closures
            if _overlap(c_from, c_until, day_begin, day_end)
        ]
        for start in starts:
            remaining = agenda.capacity - taken.get(int(start.timestamp()), 0)
            if remaining <= 0:
                continue
            end = start + length
            if day_closures and any(_overlap(*closure, start, end) for closure in day_closures):
                continue
            slots.append(Slot(start, end, remaining))
    return slots


def slots_by_day(
    *, agenda: Agenda, start_date: date, end_date: date, now: datetime | None = None
) -> dict[date, list[Slot]]:
    """Free slots by day for a calendar: every day of the range, in order, even without slots."""
    days = {start_date + timedelta(days=n): [] for n in range((end_date - start_date).days + 1)}
    for slot in free_slots(agenda=agenda, start_date=start_date, end_date=end_date, now=now):
        days[slot.start.date()].append(slot)
    return days


def _days(first: date, last: date) -> Iterator[date]:
    day = first
    while day <= last:
        yield day
        day += ONE_DAY


def _overlap(start: datetime, end: datetime, other_start: datetime, other_end: datetime) -> bool:
    return start < other_end and end > other_start


def _taken_places(agenda: Agenda, begin: datetime, finish: datetime, now: datetime) -> dict:
    """Places taken per slot between two moments, expired holds not counted.

    Keyed by the start's Unix time: integers load several times faster than datetimes.
    """
    epoch = Cast(Extract("start", "epoch", tzinfo=UTC), IntegerField())
    taken = dict(
        SlotCounter.objects.filter(
            agenda=agenda, start__gte=begin, start__lt=finish, taken__gt=0
        ).values_list(epoch, "taken")
    )
    expired_holds = (
        Booking.objects.filter(
            agenda=agenda,
            status=Booking.Status.HELD,
            held_until__lt=now,
            start__gte=begin,
            start__lt=finish,
        )
        .order_by()
        .values_list(epoch)
        .annotate(count=Count("pk"))
    )
    for start, count in expired_holds:
        taken[start] = taken.get(start, 0) - count
    return taken


def active_bookings_between(*, agenda: Agenda, start: datetime, end: datetime) -> QuerySet:
    """Held and booked appointments of the agenda overlapping [start, end), in time order."""
    return Booking.objects.filter(
        agenda=agenda, status__in=Booking.ACTIVE, start__lt=end, end__gt=start
    ).order_by("start", "pk")


def holder_active_bookings(*, holder: str, agenda: Agenda | None = None) -> QuerySet:
    """The held and booked appointments of one person (in one agenda or all), in time order."""
    bookings = Booking.objects.filter(holder=holder, status__in=Booking.ACTIVE)
    if agenda is not None:
        bookings = bookings.filter(agenda=agenda)
    return bookings.select_related("agenda").order_by("start", "pk")


def collectivity_agendas(*, collectivity: Collectivity, active_only: bool = True) -> QuerySet:
    """The agendas of a collectivity, by name (only those open for booking by default)."""
    agendas = Agenda.objects.filter(collectivity=collectivity)
    if active_only:
        agendas = agendas.filter(active=True)
    return agendas.order_by("name")
