"""Which requests are past their retention period, which drafts are abandoned, and what a
citizen is told about how long their request is kept."""

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from commune_sites.models import Collectivity
from pages.models import ProcedurePage

from ..models import Submission
from ..workflow import DECIDED, Status


def months_before(moment: datetime, months: int) -> datetime:
    """The same wall-clock time `months` months earlier, in the portal's time zone (the last
    day of a shorter month stands for the days it lacks)."""
    return timezone.localtime(moment) - relativedelta(months=months)


def expired_requests(*, now: datetime) -> QuerySet[Submission]:
    """Decided requests not anonymised yet whose period (the procedure's, else the
    collectivity's) has passed since their decision; open requests never are.

    The periods are read first (a few values, one per collectivity and per procedure that sets
    its own), so that the condition is on the request's own columns: walked in id order, the
    expired requests come straight from the primary key's index, batch after batch.
    """
    overrides = dict(
        ProcedurePage.objects.filter(retention_months__isnull=False).values_list(
            "pk", "retention_months"
        )
    )
    periods = defaultdict(lambda: ([], []))  # months: (collectivity ids, procedure ids)
    for pk, months in Collectivity.objects.values_list("pk", "retention_months"):
        periods[months][0].append(pk)
    for pk, months in overrides.items():
        periods[months][1].append(pk)
    expired = Q(pk__in=[])
    for months, (collectivity_ids, procedure_ids) in periods.items():
        applies = Q(procedure_id__in=procedure_ids) | (
            Q(collectivity_id__in=collectivity_ids) & ~Q(procedure_id__in=list(overrides))
        )
        expired |= applies & Q(decided_at__lt=months_before(now, months))
    return Submission.objects.filter(
        expired, status__in=DECIDED, decided_at__isnull=False, anonymized_at__isnull=True
    )


def expired_drafts(*, now: datetime) -> QuerySet[Submission]:
    """Drafts left unchanged for DRAFT_RETENTION_DAYS days."""
    cutoff = now - timedelta(days=settings.DRAFT_RETENTION_DAYS)
    return Submission.objects.filter(status=Status.DRAFT, updated_at__lt=cutoff)


def expiry_counts(*, now: datetime) -> list[dict]:
    """What a run would do now, per collectivity: [{"name", "requests", "drafts"}] by name."""
    counts: dict[str, dict] = {}
    for key, queryset in (("requests", expired_requests), ("drafts", expired_drafts)):
        rows = queryset(now=now).values("collectivity__name").annotate(count=Count("pk"))
        for row in rows.order_by():
            name = row["collectivity__name"]
            counts.setdefault(name, {"name": name, "requests": 0, "drafts": 0})[key] = row["count"]
    return sorted(counts.values(), key=lambda row: row["name"])


@dataclass(frozen=True)
class Retention:
    months: int
    anonymised_from: date | None  # once decided: the day it will be anonymised


def submission_retention(*, submission: Submission) -> Retention:
    """How long `submission` is kept after its decision (the procedure's period, else its
    collectivity's) and, once decided, from which day it is anonymised."""
    months = (
        ProcedurePage.objects.filter(pk=submission.procedure_id)
        .values_list("retention_months", flat=True)
        .first()
    ) or submission.collectivity.retention_months
    anonymised_from = None
    if submission.decided_at is not None:
        anonymised_from = (
            timezone.localtime(submission.decided_at) + relativedelta(months=months)
        ).date()
    return Retention(months=months, anonymised_from=anonymised_from)
