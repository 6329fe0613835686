"""Holding, confirming, releasing, cancelling and moving appointments; expiry; closing a period."""

from datetime import timedelta

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import translation

from commune_sites.agendas.exceptions import (
    AlreadyHolding,
    BookingError,
    DeadlinePassed,
    SlotUnavailable,
)
from commune_sites.agendas.models import Booking, Closure, SlotCounter
from commune_sites.agendas.selectors import free_slots, holder_active_bookings
from commune_sites.agendas.services import (
    agenda_close_range,
    booking_cancel,
    booking_confirm,
    booking_mark_no_show,
    booking_move,
    booking_release,
    holds_expire,
    slot_hold,
)

from .helpers import NOW, paris, taken

TUESDAY_10 = paris(2026, 3, 10, 10, 0)
Status = Booking.Status


def hold(agenda, start=TUESDAY_10, holder="user:1", now=NOW, **kwargs) -> Booking:
    return slot_hold(agenda=agenda, start=start, holder=holder, now=now, **kwargs)


def book(agenda, start=TUESDAY_10, holder="user:1") -> Booking:
    return booking_confirm(booking=hold(agenda, start, holder))


def test_a_hold_takes_a_place_until_confirmed(agenda):
    booking = hold(agenda, reference="")
    assert booking.status == Status.HELD
    assert booking.held_until == NOW + timedelta(minutes=20)
    assert booking.end == paris(2026, 3, 10, 10, 15)
    assert taken(agenda, TUESDAY_10) == 1

    booking_confirm(booking=booking, reference="request:7")
    booking.refresh_from_db()
    assert (booking.status, booking.held_until, booking.reference) == (
        Status.BOOKED,
        None,
        "request:7",
    )
    assert booking_confirm(booking=booking).status == Status.BOOKED
    assert taken(agenda, TUESDAY_10) == 1


@pytest.mark.parametrize(
    ("fields", "start", "message"),
    [
        ({}, paris(2026, 3, 10, 10, 7), "There is no appointment at this time."),
        ({}, paris(2026, 3, 10, 12, 0), "There is no appointment at this time."),
        ({}, paris(2026, 3, 7, 10, 0), "There is no appointment at this time."),
        ({}, paris(2026, 3, 2, 7, 0), "This slot has already passed."),
        ({"book_min_notice_hours": 48}, paris(2026, 3, 3, 10, 0), "at least 48 hours in advance"),
        ({"book_max_days_ahead": 7}, TUESDAY_10, "at most 7 days ahead"),
        ({"active": False}, TUESDAY_10, "not taking appointments"),
    ],
)
def test_a_slot_outside_the_offer_cannot_be_held(make_agenda, fields, start, message):
    agenda = make_agenda(**fields)
    with translation.override("en"), pytest.raises(SlotUnavailable) as refused:
        hold(agenda, start)
    assert message in str(refused.value)
    assert not Booking.objects.exists()


def test_a_closed_slot_cannot_be_held(agenda):
    Closure.objects.create(agenda=agenda, start=paris(2026, 3, 10), end=paris(2026, 3, 11))
    with translation.override("en"), pytest.raises(SlotUnavailable, match="closed"):
        hold(agenda)


def test_a_full_slot_cannot_be_held(agenda):
    hold(agenda, holder="user:1")
    with translation.override("en"), pytest.raises(SlotUnavailable, match="choose another"):
        hold(agenda, holder="user:2")
    assert list(Booking.objects.values_list("holder", flat=True)) == ["user:1"]
    assert taken(agenda, TUESDAY_10) == 1


def test_one_person_has_one_active_booking_per_agenda(agenda, make_agenda):
    book(agenda, holder="user:1")
    with pytest.raises(AlreadyHolding):
        hold(agenda, paris(2026, 3, 11, 10, 0), holder="user:1")
    assert taken(agenda, paris(2026, 3, 11, 10, 0)) == 0
    other_agenda = make_agenda(name="Cartes grises")
    assert hold(other_agenda, holder="user:1").agenda == other_agenda


def test_an_agenda_may_allow_several_bookings_per_person(make_agenda):
    agenda = make_agenda(allow_multiple_per_person=True, capacity=2)
    hold(agenda, holder="user:1")
    hold(agenda, holder="user:1")
    hold(agenda, paris(2026, 3, 11, 10, 0), holder="user:1")
    assert holder_active_bookings(holder="user:1", agenda=agenda).count() == 3


def test_the_database_refuses_a_second_active_booking_and_overbooking(agenda):
    booking = hold(agenda)
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(agenda=agenda, start=booking.start, end=booking.end, holder="user:1")
    with pytest.raises(IntegrityError), transaction.atomic():
        SlotCounter.objects.filter(agenda=agenda).update(taken=F("taken") + 1)


def test_an_expired_hold_of_the_same_person_gives_way(agenda):
    first = hold(agenda, hold_minutes=20)
    second = hold(agenda, paris(2026, 3, 11, 10, 0), now=NOW + timedelta(minutes=21))
    first.refresh_from_db()
    assert (first.status, second.status) == (Status.RELEASED, Status.HELD)
    assert taken(agenda, TUESDAY_10) == 0


def test_an_expired_hold_gives_its_place_to_the_next_citizen(agenda):
    first = hold(agenda, holder="user:1", hold_minutes=20)
    with pytest.raises(SlotUnavailable):
        hold(agenda, holder="user:2", now=NOW + timedelta(minutes=19))
    second = hold(agenda, holder="user:2", now=NOW + timedelta(minutes=21))
    first.refresh_from_db()
    assert (first.status, second.status) == (Status.RELEASED, Status.HELD)
    assert taken(agenda, TUESDAY_10) == 1
    with pytest.raises(SlotUnavailable, match="expired or was cancelled"):
        booking_confirm(booking=first)


def test_a_late_hold_is_confirmed_while_nobody_took_its_place(agenda):
    booking = hold(agenda, hold_minutes=20)
    assert booking_confirm(booking=booking).status == Status.BOOKED


def test_holds_expire_releases_only_expired_holds(agenda):
    expired = hold(agenda, holder="user:1", hold_minutes=10)
    current = hold(agenda, paris(2026, 3, 10, 10, 15), holder="user:2", hold_minutes=30)
    booked = book(agenda, paris(2026, 3, 10, 10, 30), holder="user:3")

    assert holds_expire(now=NOW + timedelta(minutes=20)) == 1
    assert holds_expire(now=NOW + timedelta(minutes=20)) == 0
    statuses = dict(Booking.objects.values_list("pk", "status"))
    assert statuses == {expired.pk: "released", current.pk: "held", booked.pk: "booked"}
    assert [taken(agenda, b.start) for b in (expired, current, booked)] == [0, 1, 1]


def test_a_released_hold_frees_its_place_at_once(agenda):
    booking = hold(agenda, holder="user:1")
    booking_release(booking=booking)
    assert booking.status == Status.RELEASED
    assert booking_release(booking=booking).status == Status.RELEASED
    assert hold(agenda, holder="user:2").status == Status.HELD


def test_a_confirmed_appointment_is_cancelled_not_released(agenda):
    booking = book(agenda)
    with pytest.raises(BookingError):
        booking_release(booking=booking)


def test_a_cancelled_appointment_frees_its_place_at_once(agenda):
    booking = book(agenda, holder="user:1")
    booking_cancel(booking=booking, now=NOW)
    assert Booking.objects.get(pk=booking.pk).status == Status.CANCELLED
    assert taken(agenda, TUESDAY_10) == 0
    assert TUESDAY_10 in [
        s.start
        for s in free_slots(
            agenda=agenda, start_date=TUESDAY_10.date(), end_date=TUESDAY_10.date(), now=NOW
        )
    ]
    assert hold(agenda, holder="user:2").status == Status.HELD
    assert hold(agenda, paris(2026, 3, 11, 9, 0), holder="user:1").status == Status.HELD
    with pytest.raises(BookingError, match="already been cancelled"):
        booking_cancel(booking=booking, now=NOW)


def test_citizens_cancel_until_the_agendas_notice(agenda):
    booking = book(agenda)  # Tuesday 10:00, 24 hours of notice
    with translation.override("en"), pytest.raises(DeadlinePassed, match="24 hours before"):
        booking_cancel(booking=booking, now=paris(2026, 3, 9, 10, 1))
    assert Booking.objects.get(pk=booking.pk).status == Status.BOOKED
    booking_cancel(booking=booking, now=paris(2026, 3, 9, 10, 0))
    assert booking.status == Status.CANCELLED


def test_agents_cancel_after_the_deadline_and_holds_have_none(agenda):
    booking = book(agenda, holder="user:1")
    booking_cancel(booking=booking, now=paris(2026, 3, 10, 9, 0), ignore_deadline=True)
    assert booking.status == Status.CANCELLED
    held = hold(agenda, holder="user:2", now=paris(2026, 3, 10, 9, 50))
    booking_cancel(booking=held, now=paris(2026, 3, 10, 9, 51))
    assert held.status == Status.RELEASED


def test_moving_frees_the_old_place_and_keeps_the_booking(agenda):
    booking = book(agenda)
    new_start = paris(2026, 3, 12, 11, 0)
    moved = booking_move(booking=booking, new_start=new_start, now=NOW)
    assert (moved.pk, moved.status) == (booking.pk, Status.BOOKED)
    saved = Booking.objects.get(pk=booking.pk)
    assert (saved.start, saved.end) == (new_start, paris(2026, 3, 12, 11, 15))
    assert (taken(agenda, TUESDAY_10), taken(agenda, new_start)) == (0, 1)
    assert hold(agenda, holder="user:2").start == TUESDAY_10


def test_moving_to_an_earlier_slot(agenda):
    booking = hold(agenda)
    booking_move(booking=booking, new_start=paris(2026, 3, 9, 9, 0), now=NOW)
    assert (taken(agenda, TUESDAY_10), taken(agenda, paris(2026, 3, 9, 9, 0))) == (0, 1)


def test_a_refused_move_changes_nothing(agenda):
    booking = book(agenda, holder="user:1")
    full = book(agenda, paris(2026, 3, 12, 11, 0), holder="user:2").start
    with pytest.raises(SlotUnavailable):
        booking_move(booking=booking, new_start=full, now=NOW)
    with pytest.raises(DeadlinePassed):
        booking_move(
            booking=booking, new_start=paris(2026, 3, 12, 9, 0), now=paris(2026, 3, 9, 11, 0)
        )
    saved = Booking.objects.get(pk=booking.pk)
    assert (saved.start, saved.status) == (TUESDAY_10, Status.BOOKED)
    assert (taken(agenda, TUESDAY_10), taken(agenda, full)) == (1, 1)


def test_a_cancelled_appointment_cannot_be_moved(agenda):
    booking = book(agenda)
    booking_cancel(booking=booking, now=NOW)
    with pytest.raises(BookingError):
        booking_move(booking=booking, new_start=paris(2026, 3, 12, 9, 0), now=NOW)


def test_closing_a_period_cancels_its_appointments_and_returns_them(agenda):
    inside_booked = book(agenda, paris(2026, 3, 10, 9, 0), holder="user:1")
    inside_held = hold(agenda, paris(2026, 3, 10, 11, 45), holder="user:2")
    outside = book(agenda, paris(2026, 3, 11, 9, 0), holder="user:3")
    already_cancelled = book(agenda, paris(2026, 3, 10, 10, 0), holder="user:4")
    booking_cancel(booking=already_cancelled, now=NOW)

    affected = agenda_close_range(
        agenda=agenda, start=paris(2026, 3, 10), end=paris(2026, 3, 11), reason="Grève"
    )

    assert [(b.pk, b.status) for b in affected] == [
        (inside_booked.pk, Status.CANCELLED),
        (inside_held.pk, Status.RELEASED),
    ]
    assert Booking.objects.get(pk=outside.pk).status == Status.BOOKED
    assert taken(agenda, inside_booked.start) == taken(agenda, inside_held.start) == 0
    assert agenda.closures.get().reason == "Grève"
    day = paris(2026, 3, 10).date()
    assert free_slots(agenda=agenda, start_date=day, end_date=day, now=NOW) == []
    with pytest.raises(SlotUnavailable):
        hold(agenda, paris(2026, 3, 10, 9, 0), holder="user:5")


def test_a_closure_must_end_after_it_starts(agenda):
    with pytest.raises(ValidationError):
        agenda_close_range(agenda=agenda, start=TUESDAY_10, end=TUESDAY_10, reason="")
    assert not Closure.objects.exists()


def test_a_no_show_is_recorded_once_the_appointment_has_started(agenda):
    booking = book(agenda)
    with pytest.raises(BookingError):
        booking_mark_no_show(booking=booking, now=NOW)
    booking_mark_no_show(booking=booking, now=TUESDAY_10 + timedelta(minutes=20))
    assert Booking.objects.get(pk=booking.pk).status == Status.NO_SHOW
    assert hold(agenda, paris(2026, 3, 12, 9, 0), holder="user:1").status == Status.HELD
