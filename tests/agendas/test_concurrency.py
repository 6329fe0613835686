"""Concurrent bookings on PostgreSQL: threads with their own connections race for places."""

import threading
from datetime import timedelta

import pytest
from django.db import connection

from commune_sites.agendas.exceptions import AlreadyHolding, SlotUnavailable
from commune_sites.agendas.models import Booking
from commune_sites.agendas.services import booking_confirm, slot_hold

from .helpers import NOW, paris, taken

pytestmark = pytest.mark.django_db(transaction=True)

LAST_PLACE = paris(2026, 3, 10, 10, 0)


def race(*calls) -> list:
    """Run the calls at the same moment, each in a thread with its own connection.

    Returns, in order, what each call returned or the exception it raised.
    """
    results = [None] * len(calls)
    barrier = threading.Barrier(len(calls))

    def run(index, call):
        try:
            connection.ensure_connection()
            barrier.wait()
            results[index] = call()
        except Exception as error:  # given to the test, which checks its type
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=pair) for pair in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results


def holding(agenda, holder, start=LAST_PLACE, now=NOW):
    return lambda: slot_hold(agenda=agenda, start=start, holder=holder, now=now)


def test_twenty_citizens_booking_the_last_place_get_it_once(make_agenda):
    agenda = make_agenda(capacity=3)
    for holder in ("user:a", "user:b"):
        booking_confirm(booking=slot_hold(agenda=agenda, start=LAST_PLACE, holder=holder, now=NOW))

    results = race(*(holding(agenda, f"user:{n}") for n in range(20)))

    winners = [result for result in results if isinstance(result, Booking)]
    losers = [result for result in results if isinstance(result, SlotUnavailable)]
    assert (len(winners), len(losers)) == (1, 19)
    assert Booking.objects.filter(start=LAST_PLACE, status__in=Booking.ACTIVE).count() == 3
    assert taken(agenda, LAST_PLACE) == 3


def test_twenty_citizens_racing_for_an_expired_hold_get_it_once(agenda):
    expired = slot_hold(agenda=agenda, start=LAST_PLACE, holder="user:a", now=NOW, hold_minutes=5)
    later = NOW + timedelta(minutes=10)

    results = race(*(holding(agenda, f"user:{n}", now=later) for n in range(20)))

    assert sum(isinstance(result, Booking) for result in results) == 1
    assert sum(isinstance(result, SlotUnavailable) for result in results) == 19
    expired.refresh_from_db()
    assert expired.status == Booking.Status.RELEASED
    assert taken(agenda, LAST_PLACE) == 1


def test_one_person_holding_two_slots_at_once_gets_one(agenda):
    results = race(
        holding(agenda, "user:1", paris(2026, 3, 10, 9, 0)),
        holding(agenda, "user:1", paris(2026, 3, 11, 9, 0)),
    )
    assert sorted(type(result).__name__ for result in results) == ["AlreadyHolding", "Booking"]
    assert any(isinstance(result, AlreadyHolding) for result in results)
    assert Booking.objects.filter(holder="user:1").count() == 1
    assert taken(agenda, paris(2026, 3, 10, 9, 0)) + taken(agenda, paris(2026, 3, 11, 9, 0)) == 1
