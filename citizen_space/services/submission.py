"""Submitting a draft: the request gets its reference; its acknowledgement goes in the outbox."""

import logging

from django.db import transaction
from django.utils import timezone

from forms_builder.engine import clean_answers
from forms_builder.snapshot import iter_inputs

from ..appointments.services.booking import appointments_book
from ..models import Submission
from ..workflow import Status
from .drafts import file_question_names
from .references import reference_allocate
from .status import submission_transition_locked
from .uploads import uploads_forget_unlisted

logger = logging.getLogger(__name__)


@transaction.atomic(durable=True)
def submission_submit(*, submission_id: int, owner=None) -> Submission:
    """Submit the draft `submission_id` and return the request; idempotent.

    The draft's row is read once, locked, with its citizen, collectivity and push webhook, so
    a double click or two tabs make one request: the second call finds it submitted and
    returns it unchanged, as it returns a draft not complete yet. With `owner`, the draft must
    be theirs (else `Submission.DoesNotExist`). The answers are validated again against the
    snapshot (raises `ValidationError`, one error per faulty step, with its index in
    `params["step"]`); only the answers of the questions shown are kept, and the files of the
    others are deleted. The acknowledgement goes in the outbox with the status change and is
    sent once the request is committed.
    """
    drafts = Submission.objects.select_related("user", "collectivity__push_webhook")
    if owner is not None:
        drafts = drafts.filter(user=owner)
    submission = drafts.select_for_update(of=("self",)).get(pk=submission_id)
    if not submission.is_draft:
        logger.info("Request %s already submitted: nothing to do.", submission.reference)
        return submission
    if not submission.is_complete:
        return submission
    submission.answers = clean_answers(submission.form_snapshot, submission.answers)
    uploads_forget_unlisted(
        submission=submission,
        field_names=set(file_question_names(submission.form_snapshot)),
    )
    submission.reference = reference_allocate(
        collectivity=submission.collectivity, year=timezone.localdate().year
    )
    submission.applicant_name = applicant_name(submission.form_snapshot, submission.answers)
    appointments_book(submission=submission)  # the held slots, booked (or ValidationError)
    submission_transition_locked(
        submission=submission,
        current=submission.status,
        anonymized=submission.anonymized_at is not None,
        to=Status.SUBMITTED,
        actor=submission.user,
        extra_fields=("reference", "answers", "applicant_name"),
    )
    return submission


def applicant_name(snapshot: dict, answers: dict) -> str:
    """The first name and last name the citizen gave in the request (the answers to the first
    questions prefilled from those of the profile), for agents to find the request by."""
    found: dict[str, str] = {}
    for _index, question, _conditions in iter_inputs(snapshot):
        source, answer = question.get("prefill"), answers.get(question["name"])
        if source in ("first_name", "last_name") and isinstance(answer, str) and answer.strip():
            found.setdefault(source, answer.strip())
    return " ".join(found[part] for part in ("first_name", "last_name") if part in found)[:300]
