"""Reads of the statistics: counts per procedure, month of sending and final status, median
processing times. Only fields that anonymisation keeps are read (collectivity, procedure and
its title, status, month of sending, processing time), months are those of Europe/Paris:
the figures are the same before and after a request is anonymised. Drafts are not requests.

A collectivity's figures count the requests it owns (`Submission.collectivity`): an
intercommunality's procedure asked for on a member commune's portal counts for the
intercommunality.
"""

import datetime
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from django.db.models import (
    Case,
    CharField,
    Count,
    DateField,
    F,
    Max,
    Min,
    QuerySet,
    Value,
    When,
)
from django.db.models.functions import TruncMonth
from django.utils import timezone

from commune_sites.models import Collectivity

from ..models import Submission
from ..workflow import DECIDED, Status
from .aggregates import Median
from .periods import Period, month_add

OPEN = "open"  # not decided yet (sent, in progress, waiting for the citizen)
FINAL_STATUSES = (Status.ACCEPTED.value, Status.REJECTED.value, Status.CLOSED.value, OPEN)


@dataclass(frozen=True)
class StatusCount:
    status: str  # one of FINAL_STATUSES
    count: int


@dataclass(frozen=True)
class MonthCount:
    month: datetime.date  # first day of the month
    count: int


@dataclass(frozen=True)
class ProcedureStatistics:
    """One procedure (a deleted procedure's requests are grouped by the title they kept)."""

    procedure_id: int | None
    title: str
    count: int
    per_month: tuple[MonthCount, ...]
    per_status: tuple[StatusCount, ...]
    median_processing_time: datetime.timedelta | None


@dataclass(frozen=True)
class CollectivityStatistics:
    collectivity_id: int
    period: Period
    count: int
    per_month: tuple[MonthCount, ...]  # every month of the period, in order
    per_status: tuple[StatusCount, ...]  # in the order of FINAL_STATUSES
    per_procedure: tuple[ProcedureStatistics, ...]  # most asked first
    median_processing_time: datetime.timedelta | None  # of the decided requests


def requests_counted() -> QuerySet[Submission]:
    """Sent requests (drafts left out) with their `final_status` (decided or "open"), their
    `month` of sending and their `orphan_title` (a deleted procedure's title, else "")."""
    return Submission.objects.exclude(status=Status.DRAFT).annotate(
        final_status=Case(
            *(When(status=status, then=Value(status.value)) for status in DECIDED),
            default=Value(OPEN),
            output_field=CharField(),
        ),
        month=TruncMonth(
            "submitted_at", output_field=DateField(), tzinfo=timezone.get_default_timezone()
        ),
        orphan_title=Case(
            When(procedure__isnull=True, then=F("procedure_title")),
            default=Value(""),
            output_field=CharField(),
        ),
    )


def collectivity_statistics(
    *,
    collectivity: Collectivity,
    start: datetime.date | None = None,
    end: datetime.date | None = None,
) -> CollectivityStatistics:
    """The figures of `collectivity`'s requests sent from the month of `start` to the month
    of `end`, both included (default: the last 12 months, this one included). Three queries,
    whatever the number of requests."""
    period = _period(start, end)
    requests = requests_counted().filter(
        collectivity=collectivity, submitted_at__gte=period.start, submitted_at__lt=period.end
    )
    procedure = ("procedure_id", "orphan_title")
    rows = list(
        requests.values(*procedure, "month", "final_status")
        .annotate(count=Count("pk"), title=Max("procedure_title"))
        .order_by()
    )
    medians = {
        (row["procedure_id"], row["orphan_title"]): row["median"]
        for row in requests.values(*procedure).annotate(median=Median("processing_time")).order_by()
    }
    overall = requests.aggregate(median=Median("processing_time"))["median"]

    per_procedure = defaultdict(list)
    for row in rows:
        per_procedure[row["procedure_id"], row["orphan_title"]].append(row)
    procedures = [
        ProcedureStatistics(
            procedure_id=procedure_id,
            title=max(row["title"] for row in group),
            count=sum(row["count"] for row in group),
            per_month=_per_month(group, period),
            per_status=_per_status(group),
            median_processing_time=medians.get((procedure_id, orphan_title)),
        )
        for (procedure_id, orphan_title), group in per_procedure.items()
    ]
    procedures.sort(key=lambda p: (-p.count, p.title, p.procedure_id or 0))
    return CollectivityStatistics(
        collectivity_id=collectivity.pk,
        period=period,
        count=sum(row["count"] for row in rows),
        per_month=_per_month(rows, period),
        per_status=_per_status(rows),
        per_procedure=tuple(procedures),
        median_processing_time=overall,
    )


def _period(start: datetime.date | None, end: datetime.date | None) -> Period:
    if start is None and end is None:
        return Period.last_12_months()
    if start is None:
        return Period.between(month_add(end, -11), end)
    return Period.between(start, end or timezone.localdate())


def _per_month(rows: list[dict], period: Period) -> tuple[MonthCount, ...]:
    counts = defaultdict(int)
    for row in rows:
        counts[row["month"]] += row["count"]
    return tuple(MonthCount(month=month, count=counts[month]) for month in period.months)


def _per_status(rows: list[dict]) -> tuple[StatusCount, ...]:
    counts = defaultdict(int)
    for row in rows:
        counts[row["final_status"]] += row["count"]
    return tuple(StatusCount(status=status, count=counts[status]) for status in FINAL_STATUSES)


def statistics_years(*, collectivity: Collectivity) -> list[int]:
    """The years from the collectivity's first sent request to this one, latest first."""
    first = (
        Submission.objects.exclude(status=Status.DRAFT)
        .filter(collectivity=collectivity)
        .aggregate(first=Min("submitted_at"))["first"]
    )
    this_year = timezone.localdate().year
    first_year = timezone.localtime(first).year if first else this_year
    return list(range(this_year, first_year - 1, -1))


@dataclass(frozen=True)
class OpenDataRow:
    """One line of the open data: a collectivity's requests to one procedure, sent in one
    month, with one final status."""

    code: str
    collectivity: str
    procedure: str
    month: datetime.date
    final_status: str
    count: int
    median_processing_time: datetime.timedelta | None


def open_data_rows(*, collectivity: Collectivity | None = None) -> Iterator[OpenDataRow]:
    """Every month's counts, of one collectivity or of all; read in chunks (one query on
    PostgreSQL, through a server-side cursor)."""
    requests = requests_counted()
    if collectivity is not None:
        requests = requests.filter(collectivity=collectivity)
    rows = (
        requests.values(
            "collectivity__code",
            "collectivity__name",
            "procedure_id",
            "orphan_title",
            "month",
            "final_status",
        )
        .annotate(title=Max("procedure_title"), count=Count("pk"), median=Median("processing_time"))
        .order_by(
            "collectivity__name",
            "collectivity__code",
            "title",
            "procedure_id",
            "month",
            "final_status",
        )
    )
    for row in rows.iterator(chunk_size=2000):
        yield OpenDataRow(
            code=row["collectivity__code"],
            collectivity=row["collectivity__name"],
            procedure=row["title"],
            month=row["month"],
            final_status=row["final_status"],
            count=row["count"],
            median_processing_time=row["median"],
        )


def open_data_version(*, collectivity: Collectivity | None = None) -> str:
    """A fingerprint that changes when the open data may have: the number of requests, the
    last change of one, the collectivities' codes and names (one or two quick queries)."""
    requests = Submission.objects.exclude(status=Status.DRAFT)
    if collectivity is None:
        names = list(Collectivity.objects.order_by("pk").values_list("code", "name"))
    else:
        requests = requests.filter(collectivity=collectivity)
        names = [(collectivity.code, collectivity.name)]
    state = requests.aggregate(count=Count("pk"), changed=Max("updated_at"))
    return repr((state["count"], state["changed"], names))
