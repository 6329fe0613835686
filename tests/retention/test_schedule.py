"""The daily schedule made by the migration, and its task run by a real django-q2 cluster."""

import importlib

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone
from django_q.models import Schedule

from citizen_space.models import Submission
from citizen_space.retention.models import AnonymisationRun
from tests.notifications.test_cluster import cluster, wait_for

from .helpers import Sentinels, plant_request

migration = importlib.import_module("citizen_space.retention.migrations.0002_daily_schedule")


def test_the_migration_schedules_the_job_every_night(db):
    schedule = Schedule.objects.get(name=migration.NAME)
    assert schedule.func == "citizen_space.retention.tasks.anonymize_expired_requests"
    assert schedule.schedule_type == Schedule.DAILY
    assert timezone.localtime(schedule.next_run).hour == 3


@pytest.mark.django_db(transaction=True)
def test_a_cluster_runs_the_scheduled_job(
    tmp_path, settings, town, citizen, superagent, private_media
):
    request = plant_request(
        collectivity=town, citizen=citizen, agent=superagent, sentinels=Sentinels("CLU")
    )
    Submission.objects.filter(pk=request.pk).update(
        decided_at=timezone.now() - relativedelta(months=37)
    )
    # Transactional tests empty the tables that migrations fill: the schedule is made again.
    Schedule.objects.update_or_create(
        name=migration.NAME,
        defaults={
            "func": migration.FUNC,
            "schedule_type": Schedule.DAILY,
            "next_run": timezone.now(),
        },
    )

    with cluster(tmp_path, settings, PRIVATE_MEDIA_ROOT=str(private_media)) as log:
        wait_for(
            lambda: AnonymisationRun.objects.filter(finished_at__isnull=False).exists(),
            timeout=120,
            what="the scheduled anonymisation",
            log=log,
        )

    run = AnonymisationRun.objects.get()
    assert (run.requests_anonymised, run.files_deleted) == (1, 3)
    assert Submission.objects.get(pk=request.pk).anonymized_at is not None
    assert not any(path.is_file() for path in private_media.rglob("*"))
    assert Schedule.objects.get(name=migration.NAME).next_run > timezone.now()
