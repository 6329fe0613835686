"""The statistics and the open data read the same before and after requests are anonymised
(by the retention job's own service, `citizen_space.retention.services`)."""

import datetime

import pytest

from citizen_space.models import Submission
from citizen_space.retention.services import anonymize_submissions
from citizen_space.statistics.selectors import collectivity_statistics, open_data_rows
from citizen_space.workflow import Status

from .conftest import paris, sent_request

pytestmark = pytest.mark.django_db

SENTINEL = "Zéphyrine-SENTINELLE"


def test_statistics_are_identical_before_and_after_anonymisation(
    town, other_town, make_page, make_requests
):
    permit, parking = make_page("Permis de construire"), make_page("Stationnement")
    personal = {"applicant_name": SENTINEL, "answers": {"last_name": SENTINEL}}
    decided = [Status.ACCEPTED, Status.REJECTED, Status.CLOSED]
    moments = [  # month boundaries of Europe/Paris, winter and summer time
        paris(2025, 1, 31, 23, 30),
        paris(2025, 2, 1, 0, 30),
        paris(2025, 3, 31, 23, 59),
        paris(2025, 4, 1, 0, 0),
        paris(2025, 10, 26, 2, 30),
        paris(2025, 12, 31, 23, 59),
    ]
    make_requests(
        *(
            sent_request(
                collectivity,
                procedure=procedure,
                submitted_at=at,
                status=decided[n % 3],
                days=1.25 + n * 1.5,
                **personal,
            )
            for n, (at, procedure, collectivity) in enumerate(
                (at, procedure, collectivity)
                for at in moments
                for procedure in (permit, parking)
                for collectivity in (town, other_town)
            )
        ),
        sent_request(town, procedure=permit, submitted_at=paris(2025, 6, 15, 12), **personal),
        sent_request(town, title="Démarche supprimée", submitted_at=paris(2025, 7, 1, 0, 5),
                     status=Status.ACCEPTED, days=4, **personal),
    )  # fmt: skip
    year = {"start": datetime.date(2025, 1, 1), "end": datetime.date(2025, 12, 1)}
    before = [collectivity_statistics(collectivity=c, **year) for c in (town, other_town)]
    open_data_before = list(open_data_rows())

    ids = list(Submission.objects.filter(status__in=decided).values_list("pk", flat=True))
    assert anonymize_submissions(submission_ids=ids) == len(ids) == 25

    anonymised = Submission.objects.filter(pk__in=ids)
    assert not anonymised.filter(anonymized_at__isnull=True).exists()
    assert not anonymised.filter(applicant_name=SENTINEL).exists()
    first_of_month = anonymised.filter(submitted_at=paris(2025, 1, 1))
    assert first_of_month.count() == 4  # 31 January 23:30 is now 1 January 00:00
    after = [collectivity_statistics(collectivity=c, **year) for c in (town, other_town)]
    assert after == before
    assert list(open_data_rows()) == open_data_before
    assert before[0].count == 14 and before[0].median_processing_time is not None
