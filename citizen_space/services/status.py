"""Changing a request's status: the one service that writes `Submission.status`."""

import logging

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from ..backoffice.permissions import workflow_roles
from ..models import StatusChange, Submission
from ..notifications.outbox import notify_status_change
from ..workflow import (
    DECIDED,
    Role,
    Status,
    TransitionNotAllowed,
    status_label,
    transition_get,
)

logger = logging.getLogger(__name__)

# The timestamp field that records when a request entered a status, where there is one.
_ENTERED_AT = {Status.SUBMITTED: "submitted_at"}
# When a person holds several roles, the change is recorded under the most specific one.
_ROLE_PRECEDENCE = (Role.SUPERVISOR, Role.AGENT, Role.CITIZEN)


@transaction.atomic
def submission_transition(
    *,
    submission: Submission,
    to: str,
    actor,
    comment: str = "",
    extra_fields: tuple[str, ...] = (),
) -> StatusChange:
    """Move `submission` to the status `to` on behalf of `actor`, and record it.

    The request's row is locked and its status read again, so two agents acting at once are
    judged one after the other; the move itself is `submission_transition_locked`'s.
    """
    current, anonymized_at = (
        Submission.objects.select_for_update()
        .filter(pk=submission.pk)
        .values_list("status", "anonymized_at")
        .get()
    )
    return submission_transition_locked(
        submission=submission,
        current=current,
        anonymized=anonymized_at is not None,
        to=to,
        actor=actor,
        comment=comment,
        extra_fields=extra_fields,
    )


def submission_transition_locked(
    *,
    submission: Submission,
    current: str,
    anonymized: bool,
    to: str,
    actor,
    comment: str = "",
    extra_fields: tuple[str, ...] = (),
) -> StatusChange:
    """Move `submission` from `current` to `to` on behalf of `actor`, and record it.

    For a caller that holds the row's lock in its transaction and read there its status
    (`current`) and whether it is anonymised: no query to read them again, no savepoint.
    The move must be in the transitions table and `actor` must hold one of its roles
    (`citizen_space.workflow`); otherwise `TransitionNotAllowed` is raised with a message for
    them. The change is written with who, when and the comment; the citizen's notifications
    are put in the outbox in the same transaction and sent once it is committed.
    `extra_fields`: other fields the caller set on `submission`, saved with the status.
    """
    if not transaction.get_connection().in_atomic_block:
        raise transaction.TransactionManagementError(
            "submission_transition_locked() needs the transaction that holds the row's lock."
        )
    if anonymized:
        raise TransitionNotAllowed(
            _(
                "This request was anonymised at the end of its retention period: "
                "it is closed for good."
            )
        )
    transition = transition_get(current, to)
    if transition is None:
        raise TransitionNotAllowed(
            _("This request is “%(current)s”: it cannot be made “%(target)s”.")
            % {"current": status_label(current), "target": status_label(to)}
        )
    roles = workflow_roles(actor, submission) & transition.roles
    if not roles:
        raise TransitionNotAllowed(
            _("You are not allowed to make this request “%(target)s”.")
            % {"target": status_label(to)}
        )
    comment = comment.strip()
    if transition.comment_required and not comment:
        raise TransitionNotAllowed(
            _("Please explain why the request is made “%(target)s”: the citizen will read it.")
            % {"target": status_label(to)}
        )
    submission.status = to
    fields = ["status", "updated_at", *extra_fields]
    now = timezone.now()
    if entered_at := _ENTERED_AT.get(to):
        setattr(submission, entered_at, now)
        fields.append(entered_at)
    if to in DECIDED:
        submission.decided_at = now
        submission.processing_time = now - submission.submitted_at
        fields += ["decided_at", "processing_time"]
    elif current in DECIDED:  # reopened: open again until the next decision
        submission.decided_at = submission.processing_time = None
        fields += ["decided_at", "processing_time"]
    submission.save(update_fields=fields)
    change = StatusChange.objects.create(
        submission=submission,
        from_status=current,
        to_status=to,
        actor=actor,
        role=next(role for role in _ROLE_PRECEDENCE if role in roles),
        comment=comment,
    )
    logger.info("Request %s: %s → %s by user %s.", submission.pk, current, to, actor.pk)
    notify_status_change(change=change)
    return change
