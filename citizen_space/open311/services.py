"""Writes of Open311: issuing client keys, filing a report as a request of the citizen space."""

import hashlib
import logging
import secrets
from collections.abc import Mapping
from contextlib import contextmanager

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from forms_builder.engine import build_step_form
from forms_builder.snapshot import iter_inputs, step_count

from ..models import Submission
from ..services.drafts import draft_save_step, draft_start
from ..services.submission import submission_submit
from ..services.uploads import upload_store
from .definitions import form_data, form_files, georeport_field
from .models import Open311Client, Open311Request

logger = logging.getLogger(__name__)

KEY_PREFIX = "o311_"
ADVISORY_LOCK_CLASS = 311


def key_hash(key: str) -> str:
    """Keys are long random strings: a plain SHA-256 suffices to keep them out of the database."""
    return hashlib.sha256(key.encode()).hexdigest()


def client_issue(*, collectivity, name: str) -> tuple[Open311Client, str]:
    """A new client of the collectivity, with its account (which cannot sign in), and its API
    key (not kept: give it to the client)."""
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    with transaction.atomic():
        user = get_user_model()(
            username=f"open311-{secrets.token_hex(6)}", first_name=name[:150], is_active=False
        )
        user.set_unusable_password()
        user.save()
        client = Open311Client(
            collectivity=collectivity,
            name=name.strip(),
            user=user,
            key_prefix=key[: len(KEY_PREFIX) + 4],
            key_hash=key_hash(key),
        )
        client.full_clean()
        client.save()
    logger.info("Open311 client %s issued for %s.", client, collectivity)
    return client, key


def client_authenticate(*, key: str) -> Open311Client | None:
    """The active client whose API key this is, with its collectivity and account."""
    if not key.startswith(KEY_PREFIX):
        return None
    return (
        Open311Client.objects.select_related("collectivity", "user")
        .filter(key_hash=key_hash(key), active=True)
        .first()
    )


@contextmanager
def reports_of_client_one_at_a_time(client: Open311Client):
    """Serialise the reports of one client on PostgreSQL (an advisory lock of the connection).

    A report goes through its client's draft, as a citizen's request goes through theirs, and
    a client has one draft per procedure: two reports at once would share it.
    """
    if connection.vendor != "postgresql":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_advisory_lock(%s, %s)", [ADVISORY_LOCK_CLASS, client.pk])
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s, %s)", [ADVISORY_LOCK_CLASS, client.pk])


def report_file(
    *, client: Open311Client, procedure, posted: Mapping, files: Mapping, language: str
) -> Submission:
    """File a GeoReport request on an incident procedure: a submitted request of the citizen
    space, made by the client's account, in the agents' inbox like any other.

    The posted fields are turned into the form's data and validated by the form engine against
    the snapshot of the procedure's form; raises ValidationError keyed by GeoReport field.
    """
    if posted.get("media_url"):
        raise ValidationError({"media_url": _("Send the photo itself, as the file field “media”.")})
    with reports_of_client_one_at_a_time(client):
        draft = draft_start(user=client.user, procedure=procedure, language=language)
        snapshot = draft.form_snapshot
        data, uploaded = form_data(snapshot, posted), form_files(snapshot, files)
        answers, uploads = _validated(snapshot, data, uploaded)
        with transaction.atomic():
            for name, uploaded_files in uploads.items():
                answers[name] = [
                    upload_store(
                        draft=draft, field_name=name, uploaded_file=file, replace=False
                    ).as_answer()
                    for file in uploaded_files
                ]
            # Every question answered anew: nothing is left of an earlier, unfinished report.
            blank = {question["name"]: None for _i, question, _c in iter_inputs(snapshot)}
            for index in range(step_count(snapshot)):
                draft = draft_save_step(draft=draft, step_index=index, answers={**blank, **answers})
            Open311Request.objects.get_or_create(submission=draft, defaults={"client": client})
            client.last_used_at = timezone.now()
            client.save(update_fields=["last_used_at"])
        return submission_submit(submission_id=draft.pk)


def _validated(snapshot: Mapping, data, files) -> tuple[dict, dict]:
    """The answers and the new files of every step, as the citizen's steps would give them."""
    answers: dict = {}
    uploads: dict = {}
    errors: dict[str, list] = {}
    for index in range(step_count(snapshot)):
        form = build_step_form(snapshot, index, data=data, files=files, answers=answers)
        if not form.is_valid():
            for name, messages in form.errors.items():
                errors.setdefault(georeport_field(snapshot, name), []).extend(messages)
        answers.update({name: value for name, value in form.answers.items() if value is not None})
        uploads.update(form.uploaded_files)
    if errors:
        raise ValidationError(errors)
    return answers, uploads
