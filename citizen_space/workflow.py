"""The state machine of a request's status: its statuses and its one transitions table.

A request goes draft → submitted → in progress → action required → in progress → accepted,
rejected or closed; a decided request may be reopened by a role allowed to. Each transition
lists the roles that may make it. The only code that writes `Submission.status` is
`citizen_space.services.status.submission_transition`, which looks the move up here.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    IN_PROGRESS = "in_progress", _("In progress")
    ACTION_REQUIRED = "action_required", _("Action required")
    ACCEPTED = "accepted", _("Accepted")
    REJECTED = "rejected", _("Rejected")
    CLOSED = "closed", _("Closed")


class Role(models.TextChoices):
    """Who makes a transition, as `citizen_space.permissions.workflow_roles` tells."""

    CITIZEN = "citizen", _("Citizen")
    AGENT = "agent", _("Agent")
    SUPERVISOR = "supervisor", _("Supervisor")


@dataclass(frozen=True)
class Transition:
    source: str
    target: str
    roles: frozenset[str]
    label: str  # the action, as a button says it
    comment_required: bool = False


_CITIZEN = frozenset({Role.CITIZEN})
_AGENT = frozenset({Role.AGENT, Role.SUPERVISOR})
_CITIZEN_OR_AGENT = _CITIZEN | _AGENT
_SUPERVISOR = frozenset({Role.SUPERVISOR})

# Decided requests: nothing more is expected from anyone, unless a supervisor reopens them.
DECIDED = frozenset({Status.ACCEPTED, Status.REJECTED, Status.CLOSED})
# The request waits for the citizen (an action request is open).
WAITING_FOR_CITIZEN = frozenset({Status.ACTION_REQUIRED})

TRANSITIONS: tuple[Transition, ...] = (
    Transition(Status.DRAFT, Status.SUBMITTED, _CITIZEN, _("Send")),
    Transition(Status.SUBMITTED, Status.IN_PROGRESS, _AGENT, _("Take in hand")),
    # Asking the citizen for something (an action request) may come before taking it in hand.
    Transition(Status.SUBMITTED, Status.ACTION_REQUIRED, _AGENT, _("Ask the citizen")),
    Transition(Status.IN_PROGRESS, Status.ACTION_REQUIRED, _AGENT, _("Ask the citizen")),
    # The citizen's answer to the last open action request brings it back to the agents.
    Transition(Status.ACTION_REQUIRED, Status.IN_PROGRESS, _CITIZEN_OR_AGENT, _("Resume")),
    Transition(Status.IN_PROGRESS, Status.ACCEPTED, _AGENT, _("Accept")),
    Transition(Status.IN_PROGRESS, Status.REJECTED, _AGENT, _("Reject"), comment_required=True),
    Transition(Status.IN_PROGRESS, Status.CLOSED, _AGENT, _("Close")),
    Transition(Status.ACTION_REQUIRED, Status.CLOSED, _AGENT, _("Close")),
    *(
        Transition(decided, Status.IN_PROGRESS, _SUPERVISOR, _("Reopen"), comment_required=True)
        for decided in (Status.ACCEPTED, Status.REJECTED, Status.CLOSED)
    ),
)

_BY_MOVE = {(t.source, t.target): t for t in TRANSITIONS}


def transition_get(current: str, to: str) -> Transition | None:
    """The transition from `current` to `to`, if the table has it."""
    return _BY_MOVE.get((current, to))


def transitions_from(current: str) -> list[Transition]:
    return [t for t in TRANSITIONS if t.source == current]


def status_label(status: str) -> str:
    return str(Status(status).label)


class TransitionNotAllowed(Exception):
    """A status change refused; `message` says why, to the person who asked for it."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
