"""Read queries of the back office: the inbox, a request's page, exports, consultations."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet

from citizen_space.models import Submission, Upload
from citizen_space.selectors import (
    submission_action_requests,
    submission_messages,
    submission_timeline,
)
from citizen_space.workflow import Status
from forms_builder.display import answers_for_display
from pages.models import ProcedurePage

from . import permissions
from .models import Consultation, InternalNote, ReceivedRequest

# Not needed to list requests, and large: left out of the inbox's query.
_HEAVY_FIELDS = ("form_snapshot", "answers")


def inbox_requests(*, user) -> QuerySet[ReceivedRequest]:
    """The sent requests of the collectivities `user` processes, with what the inbox shows."""
    ids = permissions.collectivity_ids_processed_by(user)
    return (
        ReceivedRequest.objects.filter(collectivity_id__in=ids)
        .exclude(status=Status.DRAFT)
        .select_related("collectivity", "assignment__agent")
        .defer(*_HEAVY_FIELDS)
    )


def request_get_for_agent(*, user, pk: int) -> Submission | None:
    """Request `pk` with its citizen and collectivity, if `user` may process it."""
    return (
        permissions.requests_processed_by(user)
        .select_related("collectivity__site", "user", "assignment__agent")
        .filter(pk=pk)
        .first()
    )


def request_upload(*, submission: Submission, upload_id) -> Upload | None:
    """A file of `submission` (a request the caller may process): given with the form, with an
    answer to an action request or with a message."""
    return Upload.objects.filter(submission=submission, pk=upload_id).first()


def assigned_agent(submission: Submission):
    """The agent in charge of the request, or None (select_related("assignment__agent"))."""
    assignment = getattr(submission, "assignment", None)
    return assignment.agent if assignment else None


def assigned_agent_name(submission: Submission) -> str:
    agent = assigned_agent(submission)
    return (agent.get_full_name() or agent.email) if agent else ""


def request_page_data(*, submission: Submission) -> dict:
    """Everything the request's page shows: answers (from the request's own form snapshot),
    action requests, messages, internal notes, and the timeline of all that."""
    action_requests = list(submission_action_requests(submission=submission))
    messages = list(submission_messages(submission=submission).select_related("author"))
    # Sending the request has its own entry in the timeline.
    changes = submission.status_changes.exclude(from_status=Status.DRAFT).select_related("actor")
    notes = list(InternalNote.objects.filter(submission=submission).select_related("author"))
    timeline = submission_timeline(
        submission=submission,
        status_changes=changes,
        action_requests=action_requests,
        messages=messages,
    )
    timeline += [{"at": n.created_at, "kind": "note", "object": n} for n in notes]
    return {
        "answers": answers_for_display(submission.form_snapshot, submission.answers),
        "action_requests": action_requests,
        "conversation": messages,
        "notes": notes,
        "timeline": sorted(timeline, key=lambda entry: entry["at"]),
    }


def agents_of(collectivity_ids: list[int]) -> QuerySet:
    """The active members of the agents groups of these collectivities, by name."""
    return (
        get_user_model()
        .objects.filter(groups__served_collectivity__in=collectivity_ids, is_active=True)
        .distinct()
        .order_by("last_name", "first_name", "email")
    )


def procedures_of(collectivity_ids: list[int]) -> list[ProcedurePage]:
    """The procedures of these collectivities, one page each (the first made of its
    translations), by title: the inbox's filter and the exports."""
    pages = (
        ProcedurePage.objects.filter(collectivity_id__in=collectivity_ids)
        .order_by("pk")
        .only("pk", "title", "translation_key")
    )
    first_of_each = {}
    for page in pages:
        first_of_each.setdefault(page.translation_key, page)
    return sorted(first_of_each.values(), key=lambda page: page.title.casefold())


def procedure_page_ids(procedure: ProcedurePage) -> list[int]:
    """Ids of a procedure page and its translations: a request keeps the one it started on."""
    return list(
        ProcedurePage.objects.filter(translation_key=procedure.translation_key).values_list(
            "pk", flat=True
        )
    )


def export_requests(*, user, procedure: ProcedurePage) -> QuerySet[Submission]:
    """The sent requests of `procedure` (any language) that `user` may export, oldest first."""
    return (
        permissions.requests_processed_by(user, permissions.EXPORT)
        .filter(procedure_id__in=procedure_page_ids(procedure))
        .select_related("collectivity", "assignment__agent")
        .order_by("submitted_at", "pk")
    )


def submission_consultations(submission: Submission) -> QuerySet[Consultation]:
    """For the citizen's request page: which collectivity consulted the request and when,
    latest first (each has `collectivity`, `kind` and `at`; never the agent)."""
    return (
        Consultation.objects.filter(submission=submission)
        .select_related("collectivity")
        .only("kind", "at", "collectivity__name")
    )
