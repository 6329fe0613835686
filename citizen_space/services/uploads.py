"""Keeping the files given with a request in the private storage."""

import mimetypes
import unicodedata

from django.core.exceptions import ValidationError
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from forms_builder.filetypes import FILE_KINDS
from forms_builder.validators import detected_kind

from .. import app_settings
from ..models import Submission, Upload

MAX_NAME_LENGTH = 120


def upload_display_name(name: str) -> str:
    """The name to show for a file: its last path part, without control characters nor leading
    dots, at most `MAX_NAME_LENGTH` characters (extension kept). "../../etc/passwd" → "passwd".
    """
    name = unicodedata.normalize("NFC", name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch)[0] != "C").strip().lstrip(".")
    if len(name) > MAX_NAME_LENGTH:
        stem, dot, extension = name.rpartition(".")
        extension = extension[:10] if dot else ""
        keep = MAX_NAME_LENGTH - len(extension) - len(dot)
        name = (stem if dot else name)[:keep] + dot + extension
    return name.strip() or _("file")


def upload_content_type(uploaded_file) -> str:
    """The MIME type of the kind recognised from the file's content (the form checked it)."""
    kind = detected_kind(uploaded_file)
    extension = FILE_KINDS[kind].extensions[0] if kind else ""
    return mimetypes.guess_type(f"file{extension}")[0] or "application/octet-stream"


def upload_store(*, draft: Submission, field_name: str, uploaded_file, replace: bool) -> Upload:
    """Keep `uploaded_file` for the question `field_name` of `draft` (`replace`: instead of the
    files sent before for it).

    Its kind and its size for the question were checked by the form; this checks the total of
    the request against REQUEST_MAX_TOTAL_UPLOAD_MB and raises `ValidationError` with a message
    for the question when it is passed. The stored name is generated, never the citizen's.
    """
    with transaction.atomic():
        draft = Submission.objects.select_for_update().get(pk=draft.pk)
        if not draft.is_draft:
            raise ValidationError(_("This request has already been sent: it cannot be changed."))
        replaced = list(draft.uploads.filter(field_name=field_name)) if replace else []
        kept = draft.uploads.exclude(pk__in=[upload.pk for upload in replaced])
        _refuse_above_total(used=sum(kept.values_list("size", flat=True)), file=uploaded_file)
        for upload in replaced:
            upload_delete(upload=upload)
        return _upload_create(submission=draft, uploaded_file=uploaded_file, field_name=field_name)


def upload_attach(*, submission: Submission, uploaded_file, **owner) -> Upload:
    """Keep `uploaded_file`, checked by its form, as an attachment of a sent request's message
    or action request answer (`owner`: `message=` or `action_request=`).

    The caller holds the request's row lock and the transaction. The request's total size limit
    applies as to the form's files (`ValidationError` when passed).
    """
    used = sum(submission.uploads.values_list("size", flat=True))
    _refuse_above_total(used=used, file=uploaded_file)
    return _upload_create(submission=submission, uploaded_file=uploaded_file, **owner)


def _refuse_above_total(*, used: int, file) -> None:
    limit = app_settings.request_max_total_upload_bytes()
    if used + file.size > limit:
        raise ValidationError(
            _(
                "“%(name)s” cannot be added: the files of one request may weigh %(limit)s "
                "in all, and %(used)s are already attached. Please send a lighter file."
            ),
            code="request_total_size",
            params={
                "name": upload_display_name(file.name),
                "limit": filesizeformat(limit),
                "used": filesizeformat(used),
            },
        )


def _upload_create(*, submission: Submission, uploaded_file, **fields) -> Upload:
    upload = Upload(
        submission=submission,
        original_name=upload_display_name(uploaded_file.name),
        content_type=upload_content_type(uploaded_file),
        size=uploaded_file.size,
        **fields,
    )
    upload.file.save("upload", uploaded_file, save=False)
    try:
        upload.save()
    except Exception:
        upload.file.storage.delete(upload.file.name)
        raise
    return upload


def upload_delete(*, upload: Upload) -> None:
    """Forget an upload; its file leaves the storage once the deletion is committed."""
    storage, name = upload.file.storage, upload.file.name
    upload.delete()
    transaction.on_commit(lambda: storage.delete(name))


def uploads_forget_unlisted(*, submission: Submission, field_names: set[str]) -> None:
    """Delete the uploads of the questions `field_names` that their answers no longer list."""
    listed = {
        str(item["id"])
        for name in field_names
        for item in (submission.answers.get(name) or [])
        if isinstance(item, dict)
    }
    for upload in submission.uploads.filter(field_name__in=field_names):
        if str(upload.pk) not in listed:
            upload_delete(upload=upload)
