"""`collectivity_statistics`: counts per month of sending (Europe/Paris), per final status
and per procedure, median processing times; drafts and other collectivities left out; a
fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from citizen_space.models import Submission
from citizen_space.services.status import submission_transition
from citizen_space.services.submission import submission_submit
from citizen_space.statistics.selectors import (
    OPEN,
    MonthCount,
    StatusCount,
    collectivity_statistics,
    statistics_years,
)
from citizen_space.workflow import Status
from forms_builder.snapshot import form_snapshot
from tests.citizen_space.conftest import form_stream, question

from .conftest import paris, sent_request

pytestmark = pytest.mark.django_db

YEAR_2025 = {"start": datetime.date(2025, 1, 1), "end": datetime.date(2025, 12, 31)}


def month(m: int) -> datetime.date:
    return datetime.date(2025, m, 1)


def counts(stats) -> dict[datetime.date, int]:
    return {row.month: row.count for row in stats.per_month if row.count}


def by_status(stats) -> dict[str, int]:
    return {row.status: row.count for row in stats.per_status}


def test_months_are_those_of_paris_at_the_boundaries(town, make_requests):
    make_requests(
        sent_request(town, submitted_at=paris(2024, 12, 31, 23, 59)),  # before the period
        sent_request(town, submitted_at=paris(2025, 1, 1, 0, 0)),
        sent_request(town, submitted_at=paris(2025, 1, 31, 23, 30)),  # 22:30 UTC
        sent_request(town, submitted_at=paris(2025, 2, 1, 0, 30)),  # 23:30 UTC on 31 January
        sent_request(town, submitted_at=paris(2025, 3, 31, 23, 59)),  # summer time (UTC+2)
        sent_request(town, submitted_at=paris(2025, 4, 1, 0, 0)),  # 22:00 UTC on 31 March
        sent_request(town, submitted_at=paris(2025, 12, 31, 23, 59)),
        sent_request(town, submitted_at=paris(2026, 1, 1, 0, 0)),  # after the period
    )

    stats = collectivity_statistics(collectivity=town, **YEAR_2025)

    assert counts(stats) == {month(1): 2, month(2): 1, month(3): 1, month(4): 1, month(12): 1}
    assert [row.month for row in stats.per_month] == [month(m) for m in range(1, 13)]
    assert stats.count == 6


def test_counts_by_final_status_and_procedure(town, make_page, make_requests):
    permit, parking = make_page("Permis de construire"), make_page("Stationnement")
    at = paris(2025, 5, 10, 9)
    make_requests(
        *(
            sent_request(town, procedure=permit, submitted_at=at, status=s, days=3)
            for s in [Status.ACCEPTED, Status.ACCEPTED, Status.REJECTED, Status.IN_PROGRESS]
        ),
        sent_request(town, procedure=parking, submitted_at=at, status=Status.CLOSED, days=1),
        sent_request(town, procedure=parking, submitted_at=at, status=Status.ACTION_REQUIRED),
        sent_request(town, procedure=parking, submitted_at=at, status=Status.SUBMITTED),
    )

    stats = collectivity_statistics(collectivity=town, **YEAR_2025)

    assert by_status(stats) == {"accepted": 2, "rejected": 1, "closed": 1, OPEN: 3}
    assert [(p.title, p.count) for p in stats.per_procedure] == [
        ("Permis de construire", 4),
        ("Stationnement", 3),
    ]
    permit_stats = stats.per_procedure[0]
    assert permit_stats.procedure_id == permit.pk
    assert permit_stats.per_status == (
        StatusCount("accepted", 2),
        StatusCount("rejected", 1),
        StatusCount("closed", 0),
        StatusCount(OPEN, 1),
    )
    assert MonthCount(month(5), 4) in permit_stats.per_month


def test_medians_of_the_decided_requests_overall_and_per_procedure(town, make_page, make_requests):
    permit, parking = make_page("Permis de construire"), make_page("Stationnement")
    at = paris(2025, 6, 2, 10)
    make_requests(
        *(
            sent_request(town, procedure=permit, submitted_at=at, status=Status.ACCEPTED, days=d)
            for d in (1, 2, 3, 10)
        ),
        sent_request(town, procedure=parking, submitted_at=at, status=Status.CLOSED, days=20),
        sent_request(town, procedure=parking, submitted_at=at),  # open: no processing time
    )

    stats = collectivity_statistics(collectivity=town, **YEAR_2025)

    assert stats.median_processing_time == datetime.timedelta(days=3)  # of 1, 2, 3, 10, 20
    medians = {p.title: p.median_processing_time for p in stats.per_procedure}
    assert medians == {
        "Permis de construire": datetime.timedelta(days=2.5),
        "Stationnement": datetime.timedelta(days=20),
    }


def test_no_decided_request_no_median(town, make_requests):
    make_requests(sent_request(town, submitted_at=paris(2025, 6, 2, 10)))
    stats = collectivity_statistics(collectivity=town, **YEAR_2025)
    assert stats.median_processing_time is None
    assert stats.per_procedure[0].median_processing_time is None


def test_drafts_and_other_collectivities_are_left_out(town, other_town, make_requests):
    at = paris(2025, 3, 3, 12)
    draft = sent_request(town, submitted_at=at)
    draft.status, draft.reference = Status.DRAFT, ""
    make_requests(
        draft, sent_request(other_town, submitted_at=at), sent_request(town, submitted_at=at)
    )

    stats = collectivity_statistics(collectivity=town, **YEAR_2025)

    assert stats.count == 1
    assert Submission.objects.filter(collectivity=town).count() == 2


def test_requests_of_a_deleted_procedure_are_grouped_by_their_title(town, make_page, make_requests):
    page = make_page("Permis de construire")
    at = paris(2025, 7, 7, 7)
    make_requests(
        sent_request(town, procedure=page, submitted_at=at),
        sent_request(town, procedure=page, submitted_at=at),
        sent_request(town, title="Ancienne démarche", submitted_at=at),
        sent_request(town, title="Ancienne démarche", submitted_at=at),
        sent_request(town, title="Autre démarche supprimée", submitted_at=at),
    )

    stats = collectivity_statistics(collectivity=town, **YEAR_2025)

    assert [(p.procedure_id, p.title, p.count) for p in stats.per_procedure] == [
        (None, "Ancienne démarche", 2),
        (page.pk, "Permis de construire", 2),
        (None, "Autre démarche supprimée", 1),
    ]


def test_default_period_is_the_last_12_months_this_one_included(town, make_requests):
    today = timezone.localdate()
    this_month = today.replace(day=1)
    a_year_ago = (this_month - datetime.timedelta(days=365)).replace(day=1)
    make_requests(
        sent_request(town, submitted_at=timezone.now()),
        sent_request(town, submitted_at=paris(a_year_ago.year, a_year_ago.month, 15, 12)),
    )

    stats = collectivity_statistics(collectivity=town)

    assert len(stats.per_month) == 12
    assert stats.per_month[-1] == MonthCount(this_month, 1)
    assert stats.period.first_month > a_year_ago
    assert stats.count == 1
    assert statistics_years(collectivity=town)[:2] == [today.year, today.year - 1]


def test_a_request_decided_through_the_status_service_counts_with_its_processing_time(
    town, make_user
):
    citizen = make_user("camille@example.org")
    agent = make_user("agent@example.fr", groups=[town.agents_group])
    draft = Submission.objects.create(
        user=citizen,
        collectivity=town,
        procedure_title="Attestation",
        form_snapshot=form_snapshot(form_stream([question("short_text", "last_name", "Nom")])),
        answers={"last_name": "Martin"},
        steps_done=1,
    )
    sent = submission_submit(submission_id=draft.pk)
    submission_transition(submission=sent, to=Status.IN_PROGRESS, actor=agent)
    submission_transition(submission=sent, to=Status.ACCEPTED, actor=agent)

    stats = collectivity_statistics(collectivity=town)

    assert by_status(stats)["accepted"] == 1
    sent.refresh_from_db()
    assert stats.median_processing_time == sent.processing_time > datetime.timedelta(0)


@pytest.mark.parametrize("size", [10, 200])
def test_a_fixed_number_of_queries_whatever_the_number_of_requests(
    size, town, make_page, make_requests
):
    pages = [make_page(f"Démarche {n}") for n in range(5)]
    statuses = [Status.ACCEPTED, Status.REJECTED, Status.CLOSED, Status.SUBMITTED]
    make_requests(
        *(
            sent_request(
                town,
                procedure=pages[n % 5],
                submitted_at=paris(2025, n % 12 + 1, n % 28 + 1, 10),
                status=statuses[n % 4],
                days=n % 9 + 1,
            )
            for n in range(size)
        )
    )

    with CaptureQueriesContext(connection) as queries:
        stats = collectivity_statistics(collectivity=town, **YEAR_2025)

    assert stats.count == size
    assert len(queries) == 3
