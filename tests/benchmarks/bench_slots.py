"""Free slots of a busy agenda: 3 months of 15-minute slots, up to 5,000 bookings.

Run from the project root: `.venv/bin/python -m tests.benchmarks.bench_slots`
(BENCH_DATABASE_URL chooses the database it recreates). Prints, at 0, 1,000 and 5,000 bookings,
the median server time of `free_slots` over the next 3 months (queries included) and its
number of SQL queries. Target: under 50 ms, and the same number of queries at every size.
"""

import random
import statistics
import time
from datetime import timedelta

from tests.benchmarks.harness import setup_django

RUNS = 20
STEPS = (0, 1_000, 5_000)
HORIZON_DAYS = 92
HOURS = (("08:00", "12:30"), ("13:30", "18:00"))  # Monday to Saturday: 36 slots a day


def make_agenda():
    from commune_sites.agendas.models import Agenda, OpeningHours
    from commune_sites.models import Collectivity

    collectivity = Collectivity.objects.create(
        kind=Collectivity.Kind.COMMUNE, name="Saint-Étienne", slug="saint-etienne", code="42218"
    )
    agenda = Agenda.objects.create(
        collectivity=collectivity,
        name="Passeports",
        service="Passeport et carte d'identité",
        place="Hôtel de ville",
        slot_minutes=15,
        capacity=2,
        book_min_notice_hours=0,
        book_max_days_ahead=HORIZON_DAYS,
    )
    OpeningHours.objects.bulk_create(
        OpeningHours(agenda=agenda, weekday=weekday, start_time=start, end_time=end)
        for weekday in range(6)
        for start, end in HOURS
    )
    return agenda


def book(agenda, places, count, first_holder):
    """Make `count` bookings through the services: mostly booked, some held, some expired."""
    from django.utils import timezone

    from commune_sites.agendas.services import booking_confirm, slot_hold

    now = timezone.now()
    for n, start in enumerate(places[:count], start=first_holder):
        holder = f"user:{n}"
        if n % 50 == 0:  # a hold that expired an hour ago, not released yet
            slot_hold(agenda=agenda, start=start, holder=holder, now=now - timedelta(hours=1))
        elif n % 10 == 0:
            slot_hold(agenda=agenda, start=start, holder=holder)
        else:
            booking_confirm(booking=slot_hold(agenda=agenda, start=start, holder=holder))


def measure(agenda):
    """Median milliseconds of free_slots over the horizon, its queries, and its slot count."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from commune_sites.agendas.selectors import free_slots

    today = timezone.localdate()
    end = today + timedelta(days=HORIZON_DAYS)

    def run():
        return free_slots(agenda=agenda, start_date=today, end_date=end)

    run()  # warm-up
    with CaptureQueriesContext(connection) as queries:
        slots = run()
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        run()
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings), len(queries), len(slots)


def main():
    setup_django()
    from django.utils import timezone

    from commune_sites.agendas.selectors import free_slots

    agenda = make_agenda()
    today = timezone.localdate()
    slots = free_slots(agenda=agenda, start_date=today, end_date=today + timedelta(HORIZON_DAYS))
    places = [slot.start for slot in slots for _ in range(agenda.capacity)]
    random.Random(8).shuffle(places)
    print(f"{len(slots)} slots, {len(places)} places over {HORIZON_DAYS} days")
    print(f"{'bookings':>9} {'median ms':>10} {'queries':>8} {'free slots':>11}")
    made = 0
    for step in STEPS:
        book(agenda, places[made:], step - made, first_holder=made)
        made = step
        median, queries, free = measure(agenda)
        print(f"{step:>9} {median:>10.1f} {queries:>8} {free:>11}")


if __name__ == "__main__":
    main()
