"""Slots keep their wall-clock time in Europe/Paris across the 2026 daylight-saving changes.

Summer time starts on Sunday 29 March 2026 (02:00 → 03:00) and ends on Sunday 25 October
2026 (03:00 → 02:00).
"""

from datetime import date, timedelta

import pytest

from commune_sites.agendas.exceptions import SlotUnavailable
from commune_sites.agendas.selectors import free_slots
from commune_sites.agendas.services import slot_hold

from .helpers import NOW, paris

SPRING, AUTUMN = date(2026, 3, 29), date(2026, 10, 25)


def day_slots(agenda, day: date):
    return free_slots(agenda=agenda, start_date=day, end_date=day, now=NOW)


@pytest.mark.parametrize(
    ("before", "after", "offsets"),
    [
        (date(2026, 3, 23), date(2026, 3, 30), (1, 2)),
        (date(2026, 10, 19), date(2026, 10, 26), (2, 1)),
    ],
)
def test_a_monday_nine_oclock_slot_stays_at_nine_across_the_change(agenda, before, after, offsets):
    for day, offset in zip((before, after), offsets, strict=True):
        first = day_slots(agenda, day)[0]
        assert (first.start.date(), first.start.hour, first.start.minute) == (day, 9, 0)
        assert first.start.utcoffset() == timedelta(hours=offset)
        assert first.end - first.start == timedelta(minutes=15)


@pytest.mark.parametrize("sunday", [SPRING, AUTUMN, date(2026, 3, 22)])
def test_a_daytime_agenda_has_its_usual_slots_on_the_change_sundays(make_agenda, sunday):
    agenda = make_agenda(hours={6: [("09:00", "12:00")]})
    slots = day_slots(agenda, sunday)
    assert [f"{slot.start:%H:%M}" for slot in slots][:2] == ["09:00", "09:15"]
    assert len(slots) == 12


def test_a_night_agenda_loses_the_skipped_hour_and_keeps_the_repeated_one_once(make_agenda):
    agenda = make_agenda(slot_minutes=60, hours={6: [("00:00", "06:00")]})
    spring = day_slots(agenda, SPRING)
    autumn = day_slots(agenda, AUTUMN)
    assert [slot.start.hour for slot in spring] == [0, 1, 3, 4, 5]
    assert [slot.start.hour for slot in autumn] == [0, 1, 2, 3, 4, 5]
    for slots in (spring, autumn):
        instants = [slot.start.timestamp() for slot in slots]
        assert instants == sorted(set(instants))


def test_a_skipped_wall_clock_time_cannot_be_held(make_agenda):
    agenda = make_agenda(slot_minutes=60, hours={6: [("00:00", "06:00")]})
    with pytest.raises(SlotUnavailable):
        slot_hold(agenda=agenda, start=paris(2026, 3, 29, 2, 0), holder="user:1", now=NOW)
    booking = slot_hold(agenda=agenda, start=paris(2026, 3, 29, 3, 0), holder="user:1", now=NOW)
    assert booking.end - booking.start == timedelta(hours=1)


def test_a_booking_after_the_change_takes_its_own_slot(agenda):
    slot_hold(agenda=agenda, start=paris(2026, 3, 30, 9, 0), holder="user:1", now=NOW)
    monday = [f"{slot.start:%H:%M}" for slot in day_slots(agenda, date(2026, 3, 30))]
    assert monday[:2] == ["09:15", "09:30"] and len(monday) == 11
    assert len(day_slots(agenda, date(2026, 3, 23))) == 12
