"""Action requests: an agent asks the citizen for a document or some information, who answers."""

import datetime
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .. import events
from ..models import ActionRequest, Submission
from ..workflow import Status
from .status import submission_transition
from .uploads import upload_attach

logger = logging.getLogger(__name__)


@transaction.atomic(durable=True)
def action_request_create(
    *, submission: Submission, agent, kind: str, explanation: str, due_date: datetime.date
) -> ActionRequest:
    """Ask the citizen of `submission` for something; the request then awaits their action.

    The request moves to "action required" through the workflow, which refuses (raises
    `workflow.TransitionNotAllowed`) where its table does not allow it (a draft, a decided
    request) or where `agent` may not process the request. The citizen is notified once it is
    committed (`events.ACTION_REQUEST_CREATED`). Whether `agent` may ask on this request is
    also the caller's check (`backoffice.permissions`): a request already awaiting the citizen
    does not move.
    """
    submission = Submission.objects.select_for_update().get(pk=submission.pk)
    if submission.status != Status.ACTION_REQUIRED:
        submission_transition(submission=submission, to=Status.ACTION_REQUIRED, actor=agent)
    action_request = ActionRequest.objects.create(
        submission=submission,
        created_by=agent,
        kind=kind,
        explanation=explanation,
        due_date=due_date,
    )
    transaction.on_commit(
        lambda: events.emit(events.ACTION_REQUEST_CREATED, action_request_id=action_request.pk),
        robust=True,
    )
    return action_request


@transaction.atomic(durable=True)
def action_request_answer(
    *, action_request: ActionRequest, user, text: str, files: list
) -> ActionRequest:
    """Record the citizen's answer (text and/or files, checked by their form) to an open
    action request.

    When no other action request of the request stays open, the request goes back to the
    agents' queue ("in progress"). Raises `ValidationError` when the action request is no longer
    open, the answer is empty, or the files pass the request's total size limit.
    """
    submission = Submission.objects.select_for_update().get(pk=action_request.submission_id)
    action_request = ActionRequest.objects.select_for_update().get(pk=action_request.pk)
    if not action_request.is_open:
        raise ValidationError(
            _("This action has already been answered or was cancelled by the town hall."),
            code="not_open",
        )
    if not text.strip() and not files:
        raise ValidationError(_("Write an answer or attach a file."), code="empty")
    for uploaded_file in files:
        upload_attach(
            submission=submission, uploaded_file=uploaded_file, action_request=action_request
        )
    action_request.answer_text = text.strip()
    action_request.status = ActionRequest.Status.ANSWERED
    action_request.answered_at = timezone.now()
    action_request.save(update_fields=["answer_text", "status", "answered_at"])
    still_open = submission.action_requests.filter(status=ActionRequest.Status.OPEN).exists()
    if not still_open and submission.status == Status.ACTION_REQUIRED:
        submission_transition(submission=submission, to=Status.IN_PROGRESS, actor=user)
    logger.info("Action request %s answered by user %s.", action_request.pk, user.pk)
    transaction.on_commit(
        lambda: events.emit(events.ACTION_REQUEST_ANSWERED, action_request_id=action_request.pk),
        robust=True,
    )
    return action_request
