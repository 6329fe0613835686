"""Anonymising expired requests: what goes, what stays, what is never touched, and drafts."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from dateutil.relativedelta import relativedelta
from django.utils import timezone

from citizen_space.appointments.models import Appointment, AppointmentNotice, PreApplication
from citizen_space.models import Submission, Upload
from citizen_space.retention.models import AnonymisationRun, PendingFileDeletion
from citizen_space.retention.services import (
    anonymize_expired,
    anonymize_submissions,
)
from citizen_space.services.account import account_delete
from citizen_space.services.status import submission_transition
from citizen_space.services.uploads import upload_store
from commune_sites.agendas.models import Agenda, Booking
from tests.backoffice.conftest import FORM_WITHOUT_FILE
from tests.citizen_space.conftest import pdf_file

from .helpers import Sentinels, content_counts, plant_request

PARIS = ZoneInfo("Europe/Paris")
FIELDS = [f.attname for f in Submission._meta.concrete_fields]


def later(months: int = 0, **delta) -> datetime:
    return timezone.now() + relativedelta(months=months, **delta)


def stored_files(folder) -> list:
    return [path for path in folder.rglob("*") if path.is_file()]


def row(submission) -> dict:
    return Submission.objects.filter(pk=submission.pk).values(*FIELDS).get()


@pytest.fixture
def planted(town, citizen, superagent):
    return plant_request(
        collectivity=town, citizen=citizen, agent=superagent, sentinels=Sentinels("ANO")
    )


def first_of_month_in_paris(moment) -> datetime:
    local = timezone.localtime(moment, PARIS)
    return datetime(local.year, local.month, 1, tzinfo=PARIS)


def test_an_expired_request_keeps_only_what_statistics_read(planted, private_media):
    before = row(planted)
    assert len(stored_files(private_media)) == 3
    assert all(content_counts([planted.pk]).values())

    run = anonymize_expired(now=later(36, days=1))

    after = row(planted)
    assert after["answers"] == {}
    assert after["user_id"] is None
    assert after["applicant_name"] == ""
    assert after["reference"] == f"ANON-{planted.pk}"
    assert after["anonymized_at"] is not None
    for kept in ("collectivity_id", "procedure_id", "procedure_title", "status"):
        assert after[kept] == before[kept]
    assert after["processing_time"] == before["processing_time"]
    assert after["form_snapshot"] == before["form_snapshot"]
    for name in ("created_at", "submitted_at", "updated_at", "decided_at"):
        assert after[name] == first_of_month_in_paris(before[name]), name
    assert set(content_counts([planted.pk]).values()) == {0}
    assert stored_files(private_media) == []
    assert PendingFileDeletion.objects.count() == 0
    assert (run.requests_anonymised, run.drafts_deleted, run.files_deleted) == (1, 0, 3)
    assert run.finished_at is not None and not run.dry_run


def test_dates_keep_only_their_month_in_paris_even_at_its_edges(planted):
    first_of_march = datetime(2020, 3, 1, 0, 30, tzinfo=PARIS)  # 29 February in UTC
    end_of_october = datetime(2021, 10, 31, 23, 59, tzinfo=PARIS)  # winter time again
    Submission.objects.filter(pk=planted.pk).update(
        created_at=first_of_march,
        submitted_at=first_of_march,
        decided_at=end_of_october,
        updated_at=end_of_october,
    )
    anonymize_expired()
    after = row(planted)
    assert after["created_at"] == after["submitted_at"] == datetime(2020, 3, 1, tzinfo=PARIS)
    assert after["decided_at"] == after["updated_at"] == datetime(2021, 10, 1, tzinfo=PARIS)


def test_a_second_run_changes_nothing(planted, make_sent_request, town):
    still_open = make_sent_request(town)
    now = later(37)
    assert anonymize_expired(now=now).requests_anonymised == 1
    rows = list(Submission.objects.order_by("pk").values(*FIELDS))
    counts = content_counts([planted.pk, still_open.pk])

    run = anonymize_expired(now=now + timedelta(days=1))

    assert (run.requests_anonymised, run.drafts_deleted, run.files_deleted) == (0, 0, 0)
    assert list(Submission.objects.order_by("pk").values(*FIELDS)) == rows
    assert content_counts([planted.pk, still_open.pk]) == counts


def test_requests_not_expired_or_still_open_are_untouched(
    town, citizen, superagent, make_sent_request
):
    decided = plant_request(
        collectivity=town, citizen=citizen, agent=superagent, sentinels=Sentinels("DEC")
    )
    still_open = plant_request(
        collectivity=town,
        citizen=citizen,
        agent=superagent,
        sentinels=Sentinels("OPN"),
        decide=None,
    )
    just_sent = make_sent_request(town)
    rows = {s.pk: row(s) for s in (still_open, just_sent)}
    counts = content_counts(list(rows))
    assert all(count for name, count in counts.items() if name != "Notification")

    assert anonymize_expired(now=later(35, days=27)).requests_anonymised == 0
    assert row(decided)["anonymized_at"] is None
    assert anonymize_expired(now=later(240)).requests_anonymised == 1  # only the decided one

    assert {pk: row(Submission(pk=pk)) for pk in rows} == rows
    assert content_counts(list(rows)) == counts


def test_a_procedure_s_own_period_wins_over_the_collectivity_s(
    commune_a, make_procedure, make_request, superagent
):
    commune_a.retention_months = 36
    commune_a.save()
    shorter = make_procedure(commune_a, "Permis de détention", form=FORM_WITHOUT_FILE)
    shorter.retention_months = 12
    shorter.save_revision().publish()
    longer = make_procedure(commune_a, "Carte de stationnement", form=FORM_WITHOUT_FILE)
    longer.retention_months = 60
    longer.save_revision().publish()
    usual = make_procedure(commune_a, "Attestation", form=FORM_WITHOUT_FILE)
    requests = {}
    for procedure in (shorter, longer, usual):
        request = make_request(procedure)
        submission_transition(submission=request, to="in_progress", actor=superagent)
        submission_transition(submission=request, to="accepted", actor=superagent)
        requests[procedure.title] = request

    def anonymised():
        return set(
            Submission.objects.filter(anonymized_at__isnull=False).values_list(
                "procedure_title", flat=True
            )
        )

    anonymize_expired(now=later(12, days=1))
    assert anonymised() == {"Permis de détention"}
    anonymize_expired(now=later(36, days=1))
    assert anonymised() == {"Permis de détention", "Attestation"}
    anonymize_expired(now=later(59, days=27))
    assert "Carte de stationnement" not in anonymised()
    anonymize_expired(now=later(60, days=1))
    assert anonymised() == {"Permis de détention", "Attestation", "Carte de stationnement"}


def test_requests_of_a_deleted_account_stay_until_their_period_ends(planted, citizen):
    account_delete(user=citizen)
    planted.refresh_from_db()
    assert planted.user_id is None
    assert planted.answers and all(content_counts([planted.pk]).values())

    assert anonymize_expired(now=later(35)).requests_anonymised == 0
    assert Submission.objects.get(pk=planted.pk).answers == planted.answers

    assert anonymize_expired(now=later(37)).requests_anonymised == 1
    assert Submission.objects.get(pk=planted.pk).answers == {}
    assert set(content_counts([planted.pk]).values()) == {0}


def test_abandoned_drafts_are_deleted_with_their_files(
    settings, town, citizen, make_sent_request, private_media
):
    settings.DRAFT_RETENTION_DAYS = 30
    sent = make_sent_request(town)
    old, recent = (
        Submission.objects.create(
            user=citizen,
            collectivity=town,
            procedure_title=title,
            form_snapshot=sent.form_snapshot,
            answers={"last_name": "Martin"},
        )
        for title in ("Vieux brouillon", "Brouillon récent")
    )
    for draft in (old, recent):
        upload_store(draft=draft, field_name="proof", uploaded_file=pdf_file(), replace=True)
    Submission.objects.filter(pk=old.pk).update(updated_at=timezone.now() - timedelta(days=31))

    run = anonymize_expired()

    assert (run.drafts_deleted, run.files_deleted, run.requests_anonymised) == (1, 1, 0)
    assert set(Submission.objects.values_list("pk", flat=True)) == {sent.pk, recent.pk}
    assert Upload.objects.filter(submission=recent).count() == 1
    assert len(stored_files(private_media)) == 1


def test_a_crash_after_a_batch_commits_leaves_its_files_to_the_next_run(planted, private_media):
    Submission.objects.filter(pk=planted.pk).update(
        decided_at=timezone.now() - relativedelta(years=4)
    )
    # A batch committed, the process died before deleting the files.
    assert anonymize_submissions(submission_ids=[planted.pk]) == 1
    assert PendingFileDeletion.objects.count() == 3
    assert len(stored_files(private_media)) == 3

    run = anonymize_expired()

    assert (run.requests_anonymised, run.files_deleted) == (0, 3)
    assert stored_files(private_media) == []
    assert PendingFileDeletion.objects.count() == 0


def test_the_lower_level_service_leaves_open_requests_alone(town, citizen, superagent):
    still_open = plant_request(
        collectivity=town,
        citizen=citizen,
        agent=superagent,
        sentinels=Sentinels("OPN"),
        decide=None,
    )
    before = row(still_open)
    assert anonymize_submissions(submission_ids=[still_open.pk]) == 0
    assert row(still_open) == before


def test_appointments_lose_their_holder_and_the_slot_stays_taken(planted, town):
    agenda = Agenda.objects.create(
        collectivity=town, name="Passeports", service="Passeports", place="Mairie"
    )
    start = timezone.now() - timedelta(days=20)
    booking = Booking.objects.create(
        agenda=agenda,
        start=start,
        end=start + timedelta(minutes=15),
        holder=f"user:{planted.user_id}",
        reference=planted.reference,
        status=Booking.Status.BOOKED,
    )
    appointment = Appointment.objects.create(submission=planted, field_name="slot", booking=booking)
    AppointmentNotice.objects.create(
        appointment=appointment, kind="confirmed", start=start, version=booking.updated_at
    )
    PreApplication.objects.create(appointment=appointment, number="ABC1234567")

    anonymize_expired(now=later(37))

    booking.refresh_from_db()
    assert (booking.holder, booking.reference) == (f"anonymised:{booking.pk}", "")
    assert booking.status == Booking.Status.BOOKED
    assert not Appointment.objects.exists()
    assert not AppointmentNotice.objects.exists()
    assert not PreApplication.objects.exists()


def test_every_kind_of_row_pointing_to_a_request_is_handled():
    """A model added later with a foreign key to requests must be taken care of here."""
    from citizen_space.retention import services

    handled = {model._meta.label for model in services._DELETED_WITH_REQUEST} | {
        "appointments.Appointment"
    }
    pointing = {relation.related_model._meta.label for relation in Submission._meta.related_objects}
    assert pointing == handled
    for parent in (Appointment, *services._DELETED_WITH_REQUEST):
        children = {relation.related_model for relation in parent._meta.related_objects}
        assert children <= {Upload, AppointmentNotice, PreApplication}, parent


def test_runs_are_recorded_even_when_nothing_is_due(db):
    run = anonymize_expired()
    assert AnonymisationRun.objects.get() == run
    assert run.duration is not None and run.duration >= timedelta(0)
