"""Submitting a draft: the request gets its reference and its acknowledgement is queued."""

import logging

from django.db import transaction
from django.utils import timezone

from forms_builder.engine import clean_answers

from .. import workflow
from ..models import Submission
from .acknowledgement import acknowledgement_queue
from .drafts import file_question_names
from .references import reference_allocate
from .uploads import uploads_forget_unlisted

logger = logging.getLogger(__name__)


@transaction.atomic(durable=True)
def submission_submit(*, submission_id: int) -> Submission:
    """Submit the draft `submission_id` and return the request; idempotent.

    The draft's row is locked first, so a double click or two tabs make one request: the
    second call finds it submitted and returns it unchanged. The answers are validated again
    against the snapshot (raises `ValidationError`, one error per faulty step, with its index
    in `params["step"]`); only the answers of the questions shown are kept, and the files of
    the others are deleted. The acknowledgement is queued once the request is committed.
    """
    submission = Submission.objects.select_for_update().get(pk=submission_id)
    if not submission.is_draft:
        logger.info("Request %s already submitted: nothing to do.", submission.reference)
        return submission
    submission.answers = clean_answers(submission.form_snapshot, submission.answers)
    uploads_forget_unlisted(
        submission=submission,
        field_names=set(file_question_names(submission.form_snapshot)),
    )
    submission.reference = reference_allocate(
        collectivity=submission.collectivity, year=timezone.localdate().year
    )
    workflow.transition(
        submission, workflow.Status.SUBMITTED, extra_fields=("reference", "answers")
    )
    transaction.on_commit(lambda: acknowledgement_queue(submission_id=submission.pk), robust=True)
    return submission
