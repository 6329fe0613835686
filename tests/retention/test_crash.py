"""A run killed in the middle (SIGKILL, between two batches' transactions) leaves no request
half-anonymised, and once run again ends exactly as an uninterrupted run on the same data.

The command runs in a subprocess on the test database, three requests per batch; this test
holds a lock on the eighth expired request, so the subprocess commits two batches and then
waits for that row: it is killed there, for certain.
"""

import os
import signal
import subprocess
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import psycopg
import pytest
from django.db import connection
from django.db.models import Count

from citizen_space.backoffice.services import internal_note_add
from citizen_space.models import Submission, Upload
from citizen_space.retention.models import PendingFileDeletion
from citizen_space.retention.services import anonymize_expired
from citizen_space.services.conversation import message_post
from citizen_space.services.status import submission_transition
from citizen_space.services.submission import submission_submit
from citizen_space.services.uploads import upload_store
from forms_builder.snapshot import form_snapshot
from tests.citizen_space.conftest import FORM, form_stream
from tests.notifications.test_cluster import ROOT, database_url, wait_for

from .helpers import content_counts, pdf

pytestmark = pytest.mark.django_db(transaction=True)

PARIS = ZoneInfo("Europe/Paris")
EXPIRED, RECENT, OPEN = 12, 2, 1
BATCH = 3
LOCKED = 8  # the expired request (1-based) the subprocess stops at
RECENTLY = datetime.now(PARIS).replace(hour=8, minute=0, second=0, microsecond=0) - timedelta(
    days=10
)


def build(collectivity, citizen, agent) -> list[Submission]:
    """Expired, recently decided and open requests, each with a file, a message with its
    attachment and a note; their dates and processing times are fixed, so two builds match."""
    snapshot = form_snapshot(form_stream(FORM))
    requests = []
    for index in range(EXPIRED + RECENT + OPEN):
        draft = Submission.objects.create(
            user=citizen,
            collectivity=collectivity,
            procedure_title=f"Démarche {index % 3}",
            form_snapshot=snapshot,
            answers={"last_name": f"Nom {index}", "contact_email": "c@example.org", "details": "…"},
            steps_done=2,
        )
        upload = upload_store(
            draft=draft,
            field_name="proof",
            uploaded_file=pdf("pièce.pdf", str(index)),
            replace=True,
        )
        draft.answers["proof"] = [upload.as_answer()]
        draft.save(update_fields=["answers"])
        request = submission_submit(submission_id=draft.pk)
        submission_transition(submission=request, to="in_progress", actor=agent)
        internal_note_add(submission=request, author=agent, body=f"Note {index}")
        message_post(
            submission=request,
            author=citizen,
            body=f"Message {index}",
            files=[pdf("annexe.pdf", f"annexe {index}")],
            from_citizen=True,
        )
        sent = datetime(2020, 1 + index % 12, 3 + index, 9, 30, tzinfo=PARIS)
        dates = {"created_at": sent - timedelta(hours=1), "submitted_at": sent, "updated_at": sent}
        if index < EXPIRED + RECENT:
            request.refresh_from_db()
            submission_transition(submission=request, to="accepted", actor=agent)
            decided = sent + timedelta(days=index) if index < EXPIRED else RECENTLY
            dates.update(updated_at=decided, decided_at=decided, processing_time=decided - sent)
        Submission.objects.filter(pk=request.pk).update(**dates)
        requests.append(request)
    return requests


def state(collectivity) -> dict:
    """Everything a run changes, in a form that does not depend on the rows' ids."""
    rows = []
    for values in (
        Submission.objects.filter(collectivity=collectivity)
        .order_by("pk")
        .values("pk", "reference", "anonymized_at", "answers", "user_id", "applicant_name")
        .annotate(
            uploads=Count("uploads", distinct=True), messages=Count("messages", distinct=True)
        )
    ):
        pk = values.pop("pk")
        # The references of kept requests come from a counter: the second build's follow on.
        values["reference"] = values["reference"].replace(str(pk), "<id>")[:4]
        values["anonymized_at"] = values["anonymized_at"] is not None
        values["answers"].pop("proof", None)  # the ids of the files, new in each build
        rows.append(values)
    fixed = Submission.objects.filter(collectivity=collectivity).order_by("pk")
    return {
        "rows": rows,
        "kept": list(
            fixed.values_list(
                "status",
                "procedure_title",
                "processing_time",
                "created_at",
                "submitted_at",
                "updated_at",
                "decided_at",
            )
        ),
        "content": content_counts(fixed.values("pk")),
        "pending files": PendingFileDeletion.objects.count(),
    }


def stored_files(folder) -> int:
    return sum(1 for path in folder.rglob("*") if path.is_file())


def is_whole(request: Submission) -> bool:
    """Untouched: its answers, files, message and note all there."""
    counts = content_counts([request.pk])
    return bool(request.answers) and counts["Upload"] == 2 and counts["InternalNote"] == 1


def is_anonymised(request: Submission) -> bool:
    """Anonymised entirely: nothing left of what it held."""
    return (
        request.anonymized_at is not None
        and request.answers == {}
        and request.user_id is None
        and set(content_counts([request.pk]).values()) == {0}
    )


def blocked_backend(dbname: str) -> int | None:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT pid FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'",
            [dbname],
        )
        found = cursor.fetchone()
    return found[0] if found else None


def test_a_killed_run_restarted_ends_as_an_uninterrupted_one(
    tmp_path, town, citizen, superagent, private_media
):
    requests = build(town, citizen, superagent)
    assert stored_files(private_media) == 2 * len(requests)
    db = connection.settings_dict
    log = tmp_path / "command.log"
    with psycopg.connect(database_url()) as holder:
        holder.execute(
            "SELECT id FROM citizen_space_submission WHERE id = %s FOR UPDATE",
            [requests[LOCKED - 1].pk],
        )
        with log.open("w") as output:
            process = subprocess.Popen(
                [sys.executable, "manage.py", "anonymize_expired", "--batch-size", str(BATCH)],
                cwd=ROOT,
                env={
                    **os.environ,
                    "DJANGO_SETTINGS_MODULE": "portal.settings.test",
                    "DATABASE_URL": database_url(),
                    "PRIVATE_MEDIA_ROOT": str(private_media),
                },
                stdout=output,
                stderr=subprocess.STDOUT,
            )
        try:
            wait_for(
                lambda: blocked_backend(db["NAME"]) is not None,
                timeout=120,
                what="the command waiting for the locked request",
                log=log,
            )
            backend = blocked_backend(db["NAME"])
        finally:
            os.kill(process.pid, signal.SIGKILL)
            process.wait()
        # The server would only notice the dead client once the lock is free: end it now.
        holder.execute("SELECT pg_terminate_backend(%s)", [backend])
        holder.rollback()

    committed = (LOCKED - 1) // BATCH * BATCH
    for index, request in enumerate(requests):
        request.refresh_from_db()
        if index < committed:
            assert is_anonymised(request), index
        else:
            assert is_whole(request), index
    assert stored_files(private_media) == 2 * (len(requests) - committed)

    anonymize_expired()
    after_crash = state(town)

    Submission.objects.filter(collectivity=town).delete()
    assert Upload.objects.count() == 0
    build(town, citizen, superagent)
    anonymize_expired(batch_size=BATCH)
    assert state(town) == after_crash
    assert sum(row["anonymized_at"] for row in after_crash["rows"]) == EXPIRED
    assert after_crash["pending files"] == 0
    assert stored_files(private_media) == 2 * (RECENT + OPEN) * 2  # both builds' kept requests
