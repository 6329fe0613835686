"""Writes of the back office: assignment, internal notes, the log of consultations.

Status changes, action requests and messages have their own services in
`citizen_space.services` (status, action_requests, conversation); the views call them.
"""

import logging
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from citizen_space.models import Submission

from . import permissions
from .models import Assignment, Consultation, InternalNote

logger = logging.getLogger(__name__)


@transaction.atomic
def assignment_set(*, submission: Submission, agent, by) -> Assignment | None:
    """Put `agent` in charge of `submission` (None: nobody); `by` made the choice.

    Raises `ValidationError` when `agent` may not process the request.
    """
    if agent is None:
        Assignment.objects.filter(submission=submission).delete()
        logger.info("Request %s unassigned by user %s.", submission.pk, by.pk)
        return None
    if not permissions.can_process_request(agent, submission):
        name = agent.get_full_name() or agent.email
        raise ValidationError(
            _("%(name)s is not an agent of %(collectivity)s.")
            % {"name": name, "collectivity": submission.collectivity},
            code="not_an_agent",
        )
    assignment, _created = Assignment.objects.update_or_create(
        submission=submission, defaults={"agent": agent, "assigned_by": by}
    )
    logger.info("Request %s assigned to user %s by user %s.", submission.pk, agent.pk, by.pk)
    return assignment


def internal_note_add(*, submission: Submission, author, body: str) -> InternalNote:
    """Leave a note for the other agents (never shown to the citizen)."""
    if not body.strip():
        raise ValidationError(_("Write the note."), code="empty")
    return InternalNote.objects.create(submission=submission, author=author, body=body.strip())


def consultations_record(*, submissions: Iterable[Submission], user, kind: str) -> None:
    """Log that `user` saw these requests (their page, a file, an export), under the
    collectivity that received each."""
    Consultation.objects.bulk_create(
        Consultation(submission=s, collectivity_id=s.collectivity_id, user=user, kind=kind)
        for s in submissions
    )
