"""Slot arithmetic in wall-clock time, shared by the selectors and the services (no queries).

A slot starts at a wall-clock time of an opening range, every `slot_minutes`, and ends within
the range. Wall-clock times that do not exist (skipped by the spring daylight-saving change) have
no slot; a time repeated in autumn has one slot, at its first occurrence.
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from zoneinfo import ZoneInfo

from django.conf import settings

from .models import Agenda, OpeningHours

ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Slot:
    """A bookable slot; `start` and `end` are aware, in the portal's time zone."""

    start: datetime
    end: datetime
    remaining: int


def portal_timezone() -> ZoneInfo:
    """The time zone of opening hours and slots (the portal's TIME_ZONE, Europe/Paris)."""
    return ZoneInfo(settings.TIME_ZONE)


def weekly_times(opening_hours: Iterable[OpeningHours], slot_minutes: int) -> dict[int, list[time]]:
    """Slot start times of each weekday (0 is Monday), sorted, from its opening ranges."""
    by_weekday: dict[int, set[time]] = {}
    for hours in opening_hours:
        first = hours.start_time.hour * 60 + hours.start_time.minute
        last = hours.end_time.hour * 60 + hours.end_time.minute - slot_minutes
        by_weekday.setdefault(hours.weekday, set()).update(
            time(minutes // 60, minutes % 60) for minutes in range(first, last + 1, slot_minutes)
        )
    return {weekday: sorted(times) for weekday, times in by_weekday.items()}


def day_starts(day: date, times: Sequence[time], tz: tzinfo) -> list[datetime]:
    """The aware starts of a day's slots, without wall-clock times that do not exist that day."""
    starts = [datetime(day.year, day.month, day.day, t.hour, t.minute, tzinfo=tz) for t in times]
    if day_start(day, tz).utcoffset() == day_start(day + ONE_DAY, tz).utcoffset():
        return starts
    return [start for start in starts if _exists(start, tz)]


def day_start(day: date, tz: tzinfo) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=tz)


def _exists(moment: datetime, tz: tzinfo) -> bool:
    return moment.astimezone(UTC).astimezone(tz).replace(tzinfo=None) == moment.replace(tzinfo=None)


def slot_end(agenda: Agenda, start: datetime) -> datetime:
    """The end of the slot starting at `start`: `slot_minutes` later on the wall clock."""
    return start.astimezone(portal_timezone()) + timedelta(minutes=agenda.slot_minutes)


def earliest_start(agenda: Agenda, now: datetime) -> datetime:
    """The earliest start a citizen may book now (the booking notice)."""
    return now + timedelta(hours=agenda.book_min_notice_hours)


def last_bookable_day(agenda: Agenda, now: datetime) -> date:
    """The last day a citizen may book now (the booking horizon), in the portal's time zone."""
    return now.astimezone(portal_timezone()).date() + timedelta(days=agenda.book_max_days_ahead)


def cancel_deadline(agenda: Agenda, start: datetime) -> datetime:
    """Until when a citizen may cancel or move the appointment starting at `start`."""
    return start - timedelta(hours=agenda.cancel_min_notice_hours)
