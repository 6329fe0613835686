"""Who may process, export or reopen which requests: the one place the back office asks.

An agent processes the sent requests of the collectivities whose agents group they belong to
(an intercommunality's agents: the requests to its procedures, from every member commune),
provided their groups give them `backoffice.process_requests`. Anything else answers 404.
"""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from wagtail.permission_policies.base import BasePermissionPolicy

from citizen_space.models import Submission
from citizen_space.permissions import can_view_submission
from citizen_space.workflow import Role, Status, Transition, transitions_from
from commune_sites.selectors import collectivities_served_by

from .models import ReceivedRequest

PROCESS = "backoffice.process_requests"
EXPORT = "backoffice.export_requests"
REOPEN = "backoffice.reopen_requests"


def collectivity_ids_processed_by(user, perm: str = PROCESS) -> list[int]:
    """Ids of the collectivities whose requests `user` may process (or export: `perm`).

    A list rather than a subquery: the inbox then filters on constants, which lets PostgreSQL
    walk its index in order instead of sorting every request of the collectivity. Kept on the
    user object, like Django's permission cache, for the rest of the request.
    """
    cache_name = f"_backoffice_collectivity_ids_{perm}"
    if not hasattr(user, cache_name):
        allowed = user.is_authenticated and user.is_active and user.has_perm(perm)
        ids = list(collectivities_served_by(user).values_list("pk", flat=True)) if allowed else []
        setattr(user, cache_name, ids)
    return getattr(user, cache_name)


def requests_processed_by(user, perm: str = PROCESS) -> QuerySet[Submission]:
    """The sent requests `user` may see and act on in the back office."""
    return Submission.objects.filter(
        collectivity_id__in=collectivity_ids_processed_by(user, perm)
    ).exclude(status=Status.DRAFT)


def can_process_request(user, submission: Submission) -> bool:
    return not submission.is_draft and submission.collectivity_id in collectivity_ids_processed_by(
        user
    )


def workflow_roles(user, submission: Submission) -> frozenset[str]:
    """The roles of `user` on `submission` in the transitions table (`citizen_space.workflow`)."""
    roles = set()
    if can_view_submission(user, submission):  # the request's own citizen
        roles.add(Role.CITIZEN)
    if can_process_request(user, submission):
        roles.add(Role.AGENT)
        if user.has_perm(REOPEN):
            roles.add(Role.SUPERVISOR)
    return frozenset(roles)


def transitions_for(user, submission: Submission) -> list[Transition]:
    """The moves `user` may make from the request's current status."""
    roles = workflow_roles(user, submission)
    return [t for t in transitions_from(submission.status) if t.roles & roles]


class ReceivedRequestPermissionPolicy(BasePermissionPolicy):
    """Wagtail admin: agents see (and act on, through the back office's own views) the requests
    of their collectivities; nobody adds or deletes requests there."""

    def __init__(self):
        super().__init__(ReceivedRequest)

    def user_has_permission(self, user, action):
        return action in {"view", "change"} and bool(collectivity_ids_processed_by(user))

    def user_has_permission_for_instance(self, user, action, instance):
        return action in {"view", "change"} and can_process_request(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        if not {"view", "change"} & set(actions):
            return ReceivedRequest.objects.none()
        return ReceivedRequest.objects.filter(pk__in=requests_processed_by(user).values("pk"))

    def users_with_any_permission(self, actions):
        return (
            get_user_model()
            .objects.filter(Q(is_superuser=True) | Q(groups__served_collectivity__isnull=False))
            .filter(is_active=True)
            .distinct()
        )
