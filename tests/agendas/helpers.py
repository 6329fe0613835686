"""Plain helpers of the agenda tests: Paris datetimes, communes, slot counters."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.utils.text import slugify

from commune_sites.agendas.models import Agenda, SlotCounter
from commune_sites.models import Collectivity

PARIS = ZoneInfo("Europe/Paris")
WEEKDAY_MORNINGS = {weekday: [("09:00", "12:00")] for weekday in range(5)}


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS)


# Monday 2 March 2026, 08:00 in Paris: the tests' "now" unless they say otherwise.
NOW = paris(2026, 3, 2, 8, 0)


def make_collectivity(name: str, code: str) -> Collectivity:
    return Collectivity.objects.create(
        kind=Collectivity.Kind.COMMUNE,
        name=name,
        slug=slugify(name),
        code=code,
        agents_group=Group.objects.create(name=f"{name} – agents"),
        editors_group=Group.objects.create(name=f"{name} – editors"),
    )


def taken(agenda: Agenda, start: datetime) -> int:
    """Places counted as taken in the slot (0 without a counter row)."""
    counter = SlotCounter.objects.filter(agenda=agenda, start=start).first()
    return counter.taken if counter else 0
