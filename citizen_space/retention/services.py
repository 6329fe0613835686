"""Anonymising the requests past their retention period and deleting abandoned drafts.

Everything the citizen or an agent wrote about a request goes: answers, files (rows and
stored files), messages and their attachments, action requests and their answers, status
changes and their comments, internal notes, assignment, access log, notification outbox,
appointments (the booked slot stays in its agenda, without its holder), the Open311 link,
audit-log entries, the owner link, the applicant's name and the reference (the citizen has it in
their emails and receipt: it would tell them apart). What stays: collectivity, procedure (and
its title), final status, processing time, and the months of creation, sending, last change
and decision (first instant of the month in the portal's time zone), for the statistics. The
form snapshot stays too: it is the procedure's form as its editors wrote it, the same for
every request of that version, and holds no answer.

Each batch is one transaction of set-based statements over its ids (`anonymize_submissions`,
`drafts_delete`); the files of the deleted uploads are recorded in that transaction
(`PendingFileDeletion`) and removed from the storage after it commits. A run first removes
the files a crashed run left recorded, walks the expired ids by keyset pagination (memory
does not grow with their number), and records what it did (`AnonymisationRun`).
"""

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone
from wagtail.models import ModelLogEntry

from commune_sites.agendas.models import Booking

from ..appointments.models import Appointment, AppointmentNotice, PreApplication
from ..backoffice.models import Assignment, Consultation, InternalNote, ReceivedRequest
from ..models import ActionRequest, Message, StatusChange, Submission, Upload
from ..notifications.models import Notification
from ..open311.models import Open311Request
from ..workflow import DECIDED, Status
from . import selectors
from .models import AnonymisationRun, PendingFileDeletion
from .sql import ids_in, ids_param, month_start

logger = logging.getLogger(__name__)

BATCH_SIZE = 5000
# Rows pointing to a request that go with its personal content, children before parents.
_DELETED_WITH_REQUEST = (
    Upload,
    Message,
    ActionRequest,
    StatusChange,
    InternalNote,
    Assignment,
    Consultation,
    Notification,
    Open311Request,
)
_DATES = ("created_at", "submitted_at", "updated_at", "decided_at")

Progress = Callable[[int], None]


def anonymize_expired(
    *,
    now: datetime | None = None,
    batch_size: int = BATCH_SIZE,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> AnonymisationRun:
    """Anonymise every request past its retention period at `now` (default: now) and delete
    the drafts abandoned for DRAFT_RETENTION_DAYS, `batch_size` requests per transaction;
    `progress(count)` is called after each batch. A dry run changes nothing but its own record,
    which counts what a run would do. Safe to run again, and after a crash: a second run finds
    nothing to do.
    """
    now = now or timezone.now()
    run = AnonymisationRun.objects.create(
        started_at=timezone.now(), now=now, dry_run=dry_run, batch_size=batch_size
    )
    if dry_run:
        counts = selectors.expiry_counts(now=now)
        run.requests_anonymised = sum(row["requests"] for row in counts)
        run.drafts_deleted = sum(row["drafts"] for row in counts)
    else:
        run.files_deleted = pending_files_delete()
        run.requests_anonymised, files = _in_batches(
            selectors.expired_requests(now=now), anonymize_submissions, batch_size, progress
        )
        run.files_deleted += files
        run.drafts_deleted, files = _in_batches(
            selectors.expired_drafts(now=now), drafts_delete, batch_size, progress
        )
        run.files_deleted += files
    run.finished_at = timezone.now()
    run.save()
    logger.info(
        "Retention%s: %s requests anonymised, %s drafts deleted, %s files deleted in %s.",
        " (dry run)" if dry_run else "",
        run.requests_anonymised,
        run.drafts_deleted,
        run.files_deleted,
        run.duration,
    )
    return run


def _in_batches(
    queryset: QuerySet[Submission],
    action: Callable[..., int],
    batch_size: int,
    progress: Progress | None,
) -> tuple[int, int]:
    """Apply `action` to the rows of `queryset`, `batch_size` ids at a time in id order, each
    batch locked and handled in one transaction; returns (rows handled, files deleted)."""
    done = files = 0
    last_id = 0
    while True:
        with transaction.atomic():
            ids = list(
                queryset.filter(pk__gt=last_id)
                .order_by("pk")
                .select_for_update()
                .values_list("pk", flat=True)[:batch_size]
            )
            if not ids:
                return done, files
            done += action(submission_ids=ids)
        files += pending_files_delete()
        last_id = ids[-1]
        if progress is not None:
            progress(len(ids))


@transaction.atomic(savepoint=False)
def anonymize_submissions(*, submission_ids: list[int]) -> int:
    """Anonymise the decided, not yet anonymised, requests among `submission_ids`, in one
    transaction; returns how many. Their files are left recorded for `pending_files_delete`."""
    dates = ", ".join(f"{name} = {month_start(connection, name)}" for name in _DATES)
    batch = _returning_ids(
        f"UPDATE {Submission._meta.db_table} SET answers = '{{}}', user_id = NULL, "
        f"applicant_name = '', reference = 'ANON-' || CAST(id AS varchar(20)), language = %s, "
        f"{dates}, anonymized_at = %s WHERE {ids_in(connection, 'id')} "
        f"AND status IN ({', '.join(['%s'] * len(DECIDED))}) AND anonymized_at IS NULL "
        "RETURNING id",
        [
            settings.LANGUAGE_CODE,
            timezone.now(),
            ids_param(connection, submission_ids),
            *sorted(status.value for status in DECIDED),
        ],
    )
    if batch is not None:
        _delete_contents(batch)
    return batch.count if batch else 0


@transaction.atomic(savepoint=False)
def drafts_delete(*, submission_ids: list[int]) -> int:
    """Delete the drafts among `submission_ids` with everything attached, in one transaction
    (foreign keys are checked at its end); returns how many. Their files are left recorded for
    `pending_files_delete`."""
    batch = _returning_ids(
        f"DELETE FROM {Submission._meta.db_table} WHERE {ids_in(connection, 'id')} "
        "AND status = %s RETURNING id",
        [ids_param(connection, submission_ids), Status.DRAFT.value],
    )
    if batch is not None:
        _delete_contents(batch)
    return batch.count if batch else 0


def pending_files_delete() -> int:
    """Remove from the private storage the files recorded as to delete; returns how many.

    A file already gone counts as removed: a crash between the storage and the database
    leaves the record, and the next call removes it again harmlessly.
    """
    storage = Upload._meta.get_field("file").storage
    removed = 0
    while batch := list(PendingFileDeletion.objects.order_by("pk")[:BATCH_SIZE]):
        for pending in batch:
            storage.delete(pending.name)
        PendingFileDeletion.objects.filter(pk__in=[pending.pk for pending in batch]).delete()
        removed += len(batch)
    return removed


@dataclass(frozen=True)
class _Batch:
    count: int
    ids: str  # `sql.ids_param`


def _returning_ids(sql: str, params: list) -> _Batch | None:
    """The ids a statement ending in RETURNING id touched, as a batch (None: not one)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        ids = [pk for (pk,) in cursor.fetchall()]
    return _Batch(count=len(ids), ids=ids_param(connection, ids)) if ids else None


def _execute(
    sql: str, batch: _Batch, column: str = "submission_id", sql_type="bigint", params=()
) -> None:
    """Run `sql`, where `{ids}` stands for "`column` is one of the batch's ids"."""
    with connection.cursor() as cursor:
        cursor.execute(sql.format(ids=ids_in(connection, column, sql_type)), [*params, batch.ids])


def _delete_contents(batch: _Batch) -> None:
    """Delete what the requests hold besides their own row, recording their files."""
    upload, pending = Upload._meta.db_table, PendingFileDeletion._meta.db_table
    _execute(f"INSERT INTO {pending} (name) SELECT file FROM {upload} WHERE {{ids}}", batch)
    _delete_appointments(batch)
    for model in _DELETED_WITH_REQUEST:
        _execute(f"DELETE FROM {model._meta.db_table} WHERE {{ids}}", batch)
    _delete_log_entries(batch)


def _delete_appointments(batch: _Batch) -> None:
    """The slots stay booked or released in their agendas, without who held them."""
    appointments = f"SELECT id FROM {Appointment._meta.db_table} WHERE {{ids}}"
    booking_ids = f"SELECT booking_id FROM {Appointment._meta.db_table} WHERE {{ids}}"
    _execute(
        f"UPDATE {Booking._meta.db_table} SET holder = 'anonymised:' || CAST(id AS varchar(20)), "
        f"reference = '' WHERE id IN ({booking_ids})",
        batch,
    )
    for model in (AppointmentNotice, PreApplication):
        _execute(
            f"DELETE FROM {model._meta.db_table} WHERE appointment_id IN ({appointments})", batch
        )
    _execute(f"DELETE FROM {Appointment._meta.db_table} WHERE {{ids}}", batch)


def _delete_log_entries(batch: _Batch) -> None:
    """Wagtail audit-log entries about the requests (the back office writes none today; an
    entry would copy the request's title, its reference)."""
    content_types = ContentType.objects.get_for_models(
        Submission, ReceivedRequest, for_concrete_models=False
    ).values()
    _execute(
        f"DELETE FROM {ModelLogEntry._meta.db_table} WHERE content_type_id IN "
        f"({', '.join(['%s'] * len(content_types))}) AND {{ids}}",
        batch,
        column="object_id",
        sql_type="text",
        params=[ct.pk for ct in content_types],
    )
