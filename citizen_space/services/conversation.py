"""Messages between a citizen and the collectivity about a request."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from .. import events
from ..models import Message, Submission
from .uploads import upload_attach


@transaction.atomic(durable=True)
def message_post(
    *, submission: Submission, author, body: str, files: list, from_citizen: bool
) -> Message:
    """Add a message (and its attachments, checked by their form) to a sent request.

    Who may write is the caller's check (`citizen_space.permissions`). Raises `ValidationError`
    on a draft, an empty message, or attachments passing the request's total size limit. The
    other side is notified once it is committed (`events.MESSAGE_POSTED`).
    """
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.is_draft:
        raise ValidationError(
            _("Messages can be sent once the request has been sent."), code="draft"
        )
    if not body.strip():
        raise ValidationError(_("Write your message."), code="empty")
    message = Message.objects.create(
        submission=submission, author=author, body=body.strip(), from_citizen=from_citizen
    )
    for uploaded_file in files:
        upload_attach(submission=submission, uploaded_file=uploaded_file, message=message)
    transaction.on_commit(
        lambda: events.emit(events.MESSAGE_POSTED, message_id=message.pk), robust=True
    )
    return message
