"""Slots offered to citizens: opening hours, closures, bookings, capacity, notice and horizon."""

from datetime import date, timedelta

from commune_sites.agendas.models import Closure, OpeningHours
from commune_sites.agendas.selectors import collectivity_agendas, free_slots, slots_by_day
from commune_sites.agendas.services import slot_hold

from .helpers import NOW, paris


def starts(slots) -> list[str]:
    return [f"{slot.start:%d %H:%M}" for slot in slots]


def one_day(agenda, day: date, now=NOW):
    return free_slots(agenda=agenda, start_date=day, end_date=day, now=now)


def test_slots_fill_each_opening_range_without_overflowing_it(make_agenda):
    agenda = make_agenda(
        slot_minutes=20,
        hours={0: [("09:00", "10:10"), ("14:00", "15:00")], 2: [("09:00", "09:40")]},
    )
    slots = free_slots(
        agenda=agenda, start_date=date(2026, 3, 9), end_date=date(2026, 3, 11), now=NOW
    )
    assert starts(slots) == [
        "09 09:00", "09 09:20", "09 09:40", "09 14:00", "09 14:20", "09 14:40",
        "11 09:00", "11 09:20",
    ]  # fmt: skip
    assert slots[0].end == paris(2026, 3, 9, 9, 20)
    assert {slot.remaining for slot in slots} == {1}


def test_closures_remove_the_slots_they_overlap(agenda):
    Closure.objects.create(
        agenda=agenda,
        start=paris(2026, 3, 9, 10, 5),
        end=paris(2026, 3, 9, 11, 0),
        reason="Travaux",
    )
    Closure.objects.create(
        agenda=agenda, start=paris(2026, 3, 10), end=paris(2026, 3, 11), reason="Jour férié"
    )
    monday = starts(one_day(agenda, date(2026, 3, 9)))
    assert "09 09:45" in monday and "09 11:00" in monday
    assert not {"09 10:00", "09 10:15", "09 10:30", "09 10:45"} & set(monday)
    assert len(monday) == 12 - 4
    assert one_day(agenda, date(2026, 3, 10)) == []
    assert len(one_day(agenda, date(2026, 3, 11))) == 12


def test_bookings_take_places_up_to_the_capacity(make_agenda):
    agenda = make_agenda(capacity=2)
    for holder in ("user:1", "user:2"):
        slot_hold(agenda=agenda, start=paris(2026, 3, 9, 9, 0), holder=holder, now=NOW)
    slot_hold(agenda=agenda, start=paris(2026, 3, 9, 9, 15), holder="user:3", now=NOW)

    slots = one_day(agenda, date(2026, 3, 9))
    assert "09 09:00" not in starts(slots)
    assert {f"{slot.start:%H:%M}": slot.remaining for slot in slots[:2]} == {"09:15": 1, "09:30": 2}


def test_booking_notice_and_horizon_bound_the_offer(make_agenda):
    agenda = make_agenda(book_min_notice_hours=24, book_max_days_ahead=7)
    now = paris(2026, 3, 2, 10, 0)
    slots = free_slots(
        agenda=agenda, start_date=date(2026, 3, 1), end_date=date(2026, 3, 31), now=now
    )
    assert slots[0].start == paris(2026, 3, 3, 10, 0)
    assert slots[-1].start == paris(2026, 3, 9, 11, 45)


def test_an_inactive_agenda_or_a_past_range_offers_nothing(make_agenda):
    assert one_day(make_agenda(active=False), date(2026, 3, 9)) == []
    assert one_day(make_agenda(), date(2026, 2, 23)) == []


def test_a_place_held_too_long_is_offered_again(agenda):
    start = paris(2026, 3, 9, 9, 0)
    slot_hold(agenda=agenda, start=start, holder="user:1", hold_minutes=20, now=NOW)
    assert start not in [
        s.start for s in one_day(agenda, date(2026, 3, 9), NOW + timedelta(minutes=19))
    ]
    assert start in [
        s.start for s in one_day(agenda, date(2026, 3, 9), NOW + timedelta(minutes=21))
    ]


def test_slots_by_day_lists_every_day_of_the_range(agenda):
    days = slots_by_day(
        agenda=agenda, start_date=date(2026, 3, 6), end_date=date(2026, 3, 9), now=NOW
    )
    assert list(days) == [date(2026, 3, 6), date(2026, 3, 7), date(2026, 3, 8), date(2026, 3, 9)]
    assert [len(slots) for slots in days.values()] == [12, 0, 0, 12]
    assert all(slot.start.date() == day for day, slots in days.items() for slot in slots)


def test_free_slots_runs_four_queries_whatever_the_bookings(agenda, django_assert_num_queries):
    def count():
        return free_slots(
            agenda=agenda, start_date=date(2026, 3, 2), end_date=date(2026, 6, 1), now=NOW
        )

    with django_assert_num_queries(4):
        count()
    for n, day in enumerate(range(9, 14)):
        slot_hold(agenda=agenda, start=paris(2026, 3, day, 9, 0), holder=f"user:{n}", now=NOW)
    Closure.objects.create(agenda=agenda, start=paris(2026, 3, 16), end=paris(2026, 3, 17))
    with django_assert_num_queries(4):
        slots = count()
    assert len(slots) == 66 * 12 - 5 - 12  # 66 weekdays, 5 held, 1 closed


def test_prefetched_opening_hours_save_a_query(agenda, django_assert_num_queries):
    agenda = type(agenda).objects.prefetch_related("opening_hours").get(pk=agenda.pk)
    with django_assert_num_queries(3):
        assert one_day(agenda, date(2026, 3, 9))


def test_overlapping_ranges_do_not_double_slots(agenda):
    OpeningHours.objects.create(agenda=agenda, weekday=0, start_time="11:00", end_time="12:30")
    assert len(one_day(agenda, date(2026, 3, 9))) == 12 + 2


def test_a_collectivitys_open_agendas_by_name(make_agenda, collectivity, other_collectivity):
    make_agenda(name="Passeports")
    make_agenda(name="Cartes grises")
    make_agenda(name="Fermé", active=False)
    make_agenda(name="Ailleurs", collectivity=other_collectivity)
    names = [a.name for a in collectivity_agendas(collectivity=collectivity)]
    assert names == ["Cartes grises", "Passeports"]
    assert len(collectivity_agendas(collectivity=collectivity, active_only=False)) == 3
