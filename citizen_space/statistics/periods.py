"""Periods of the statistics: whole months of Europe/Paris (the project's TIME_ZONE), since
anonymisation keeps only the month of each date."""

import datetime
from dataclasses import dataclass

from django.utils import timezone

LAST_12_MONTHS = "12-mois"


def month_start(day: datetime.date) -> datetime.date:
    return day.replace(day=1)


def month_add(month: datetime.date, count: int) -> datetime.date:
    index = month.year * 12 + month.month - 1 + count
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_instant(month: datetime.date) -> datetime.datetime:
    """Midnight of the month's first day, in the project's time zone."""
    return timezone.make_aware(datetime.datetime.combine(month, datetime.time()))


@dataclass(frozen=True)
class Period:
    """From the first day of `first_month` to the last day of `last_month`, both included."""

    first_month: datetime.date
    last_month: datetime.date

    @classmethod
    def between(cls, start: datetime.date, end: datetime.date) -> "Period":
        return cls(month_start(start), month_start(end))

    @classmethod
    def last_12_months(cls, today: datetime.date | None = None) -> "Period":
        """The current month and the eleven before it."""
        current = month_start(today or timezone.localdate())
        return cls(month_add(current, -11), current)

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(datetime.date(year, 1, 1), datetime.date(year, 12, 1))

    @property
    def months(self) -> list[datetime.date]:
        count = (self.last_month.year - self.first_month.year) * 12
        count += self.last_month.month - self.first_month.month + 1
        return [month_add(self.first_month, n) for n in range(max(count, 0))]

    @property
    def start(self) -> datetime.datetime:
        return month_instant(self.first_month)

    @property
    def end(self) -> datetime.datetime:
        """The first instant after the period."""
        return month_instant(month_add(self.last_month, 1))
