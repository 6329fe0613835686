"""The state machine of a request's status: the one place that writes `Submission.status`.

Every status change goes through `transition()`, which refuses any move that the `TRANSITIONS`
table does not list. Later statuses (in progress, action requested, accepted, refused...) are
added here, with their transitions, and nowhere else.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")


TRANSITIONS: dict[str, frozenset[str]] = {
    Status.DRAFT: frozenset({Status.SUBMITTED}),
    Status.SUBMITTED: frozenset(),
}

# The timestamp field that records when a request entered a status, where there is one.
_ENTERED_AT = {Status.SUBMITTED: "submitted_at"}


class TransitionNotAllowed(Exception):
    """A status change that the transitions table does not allow."""


def can_transition(current: str, to: str) -> bool:
    return to in TRANSITIONS.get(current, frozenset())


def transition(submission, to: str, *, extra_fields: tuple[str, ...] = ()) -> None:
    """Move `submission` to the status `to` and save it (with `extra_fields`, set by the caller).

    The caller holds the row lock (`select_for_update`) and the transaction.
    """
    if not can_transition(submission.status, to):
        raise TransitionNotAllowed(f"{submission.status} → {to} is not an allowed transition.")
    submission.status = to
    fields = ["status", "updated_at", *extra_fields]
    if entered_at := _ENTERED_AT.get(to):
        setattr(submission, entered_at, timezone.now())
        fields.append(entered_at)
    submission.save(update_fields=fields)
