"""Read queries of the citizen space, shared by views, tasks and (later) the back office."""

from django.db.models import Prefetch, QuerySet

from commune_sites.models import Collectivity
from pages.models import ProcedurePage

from . import permissions
from .models import (
    ActionRequest,
    CitizenProfile,
    Consent,
    Message,
    NotificationPreference,
    StatusChange,
    Submission,
    Upload,
)
from .workflow import Status

# The profile data a collectivity reads once the citizen consents (shown on the consent screen).
SHARED_PROFILE_FIELDS = (
    *CitizenProfile.IDENTITY_FIELDS,
    "email",
    "phone",
    "street",
    "postal_code",
    "city",
)


def procedure_get_open(*, procedure_id: int) -> ProcedurePage | None:
    """The procedure page `procedure_id` if it is published and open to online requests."""
    return (
        ProcedurePage.objects.live()
        .filter(pk=procedure_id, online=True)
        .select_related("collectivity")
        .first()
    )


def profile_for_user(*, user) -> CitizenProfile:
    """The citizen's profile, or a new unsaved one when they have not filled it in yet."""
    return CitizenProfile.objects.filter(user=user).first() or CitizenProfile(user=user)


def citizen_submissions(*, user) -> QuerySet[Submission]:
    return (
        permissions.submissions_visible_to(user)
        .select_related("collectivity")
        .defer("form_snapshot", "answers")
    )


def citizen_drafts(*, user) -> QuerySet[Submission]:
    return citizen_submissions(user=user).filter(status=Status.DRAFT).order_by("-updated_at")


def citizen_requests(
    *, user, collectivity_id: int | None = None, status: str = ""
) -> QuerySet[Submission]:
    """The citizen's sent requests, last changed first, optionally of one collectivity/status."""
    requests = citizen_submissions(user=user).exclude(status=Status.DRAFT)
    if collectivity_id:
        requests = requests.filter(collectivity_id=collectivity_id)
    if status:
        requests = requests.filter(status=status)
    return requests.order_by("-updated_at", "-pk")


def citizen_request_collectivities(*, user) -> QuerySet[Collectivity]:
    """The collectivities the citizen has sent requests to (the filter's choices)."""
    return Collectivity.objects.filter(
        pk__in=citizen_requests(user=user).values("collectivity_id")
    ).order_by("name")


def submission_get_visible(*, user, pk: int) -> Submission | None:
    """Submission `pk` with its collectivity, if `user` may see it."""
    return (
        permissions.submissions_visible_to(user)
        .select_related("collectivity")
        .filter(pk=pk)
        .first()
    )


def upload_get_downloadable(*, user, upload_id) -> Upload | None:
    """The upload `upload_id`, if `user` may download it."""
    upload = Upload.objects.select_related("submission").filter(pk=upload_id).first()
    if upload is None or not permissions.can_download_upload(user, upload):
        return None
    return upload


def existing_files(*, submission: Submission) -> dict[str, list[dict]]:
    """The files stored for each question of a request, as the form engine lists them."""
    grouped: dict[str, list[dict]] = {}
    for upload in submission.uploads.all():
        grouped.setdefault(upload.field_name, []).append(upload.as_answer())
    return grouped


def consent_active(*, user, collectivity_id: int) -> Consent | None:
    return Consent.objects.filter(
        user=user, collectivity_id=collectivity_id, withdrawn_at__isnull=True
    ).first()


def consent_to_ask(*, user, collectivity_id: int) -> bool:
    """Whether to ask the citizen's consent before a request to this collectivity: the first
    time only (no active consent and no request, draft or sent, to it yet)."""
    return not (
        consent_active(user=user, collectivity_id=collectivity_id)
        or Submission.objects.filter(user=user, collectivity_id=collectivity_id).exists()
    )


def consents_overview(*, user) -> list[dict]:
    """For "My space": each collectivity with access to the profile (`consent`, since when) or
    that the citizen made requests to without giving it (`consent` None), by name."""
    active = {
        consent.collectivity_id: consent
        for consent in Consent.objects.filter(user=user, withdrawn_at__isnull=True).select_related(
            "collectivity"
        )
    }
    others = Collectivity.objects.filter(
        pk__in=Submission.objects.filter(user=user).values("collectivity_id")
    ).exclude(pk__in=active)
    rows = [{"collectivity": c.collectivity, "consent": c} for c in active.values()]
    rows += [{"collectivity": collectivity, "consent": None} for collectivity in others]
    return sorted(rows, key=lambda row: row["collectivity"].name)


def profile_visible_to_collectivity(*, user, collectivity) -> CitizenProfile | None:
    """The profile of `user` as the agents of `collectivity` may read it: only while the
    citizen's consent to it is active (None otherwise, or when there is no profile)."""
    if user is None or not consent_active(user=user, collectivity_id=collectivity.pk):
        return None
    return CitizenProfile.objects.filter(user=user).first()


def profile_shared_data(*, user) -> list[tuple[str, object]]:
    """(label, value) of each piece of profile data a consenting collectivity receives."""
    profile = profile_for_user(user=user)
    rows = []
    for name in SHARED_PROFILE_FIELDS:
        if name == "email":
            rows.append((user._meta.get_field("email").verbose_name, user.email))
            continue
        field = CitizenProfile._meta.get_field(name)
        value = (
            getattr(profile, f"get_{name}_display")() if field.choices else getattr(profile, name)
        )
        rows.append((field.verbose_name, value))
    return rows


def prefill_profile(*, user, collectivity_id: int) -> dict:
    """The citizen's data by prefill source (see `forms_builder.prefill`), for a request to
    `collectivity_id`: nothing unless the citizen consented to share it with that collectivity.
    """
    if not consent_active(user=user, collectivity_id=collectivity_id):
        return {}
    profile = profile_for_user(user=user)
    return {
        "first_name": profile.first_name,
        "last_name": profile.last_name,
        "birth_date": profile.birth_date,
        "birth_place": profile.birth_place,
        "email": user.email,
        "phone": profile.phone,
        "address": {
            "street": profile.street,
            "postal_code": profile.postal_code,
            "city": profile.city,
        },
    }


def notification_preferences(user) -> dict[str, bool]:
    """{event: wants an email} for every kind of `NotificationPreference.Event` (default on)."""
    chosen = dict(NotificationPreference.objects.filter(user=user).values_list("event", "email"))
    return {event: chosen.get(event, True) for event in NotificationPreference.Event.values}


def citizen_open_actions(*, user) -> QuerySet[ActionRequest]:
    """The open action requests on the citizen's requests, in every collectivity, soonest due
    first."""
    return (
        ActionRequest.objects.filter(
            submission__in=permissions.submissions_visible_to(user).exclude(status=Status.DRAFT),
            status=ActionRequest.Status.OPEN,
        )
        .select_related("submission__collectivity")
        .order_by("due_date", "pk")
    )


def action_request_get_visible(*, user, pk: int) -> ActionRequest | None:
    """Action request `pk` with its request and collectivity, if `user` may see it."""
    action_request = (
        ActionRequest.objects.select_related("submission__collectivity", "submission__user")
        .prefetch_related("uploads")
        .filter(pk=pk)
        .first()
    )
    if action_request is None or not permissions.can_view_action_request(user, action_request):
        return None
    return action_request


def submission_messages(*, submission: Submission) -> QuerySet[Message]:
    """The messages of a request, oldest first, with their attachments."""
    return submission.messages.prefetch_related(
        Prefetch("uploads", queryset=Upload.objects.order_by("created_at"))
    ).order_by("created_at", "pk")


def submission_action_requests(*, submission: Submission) -> QuerySet[ActionRequest]:
    return submission.action_requests.prefetch_related("uploads").order_by("created_at", "pk")


def submission_status_changes(*, submission: Submission) -> QuerySet[StatusChange]:
    """The status changes of a request after it was sent, oldest first."""
    return submission.status_changes.exclude(to_status=Status.SUBMITTED).order_by(
        "created_at", "pk"
    )


def submission_timeline(
    *, submission: Submission, status_changes=(), action_requests=(), messages=()
) -> list[dict]:
    """What happened to a request, oldest first: each entry has `at`, `kind` ("submitted",
    "status", "action_requested", "action_answered", "message") and its `object`."""
    entries = [{"at": submission.submitted_at, "kind": "submitted", "object": submission}]
    for change in status_changes:
        entries.append({"at": change.created_at, "kind": "status", "object": change})
    for action in action_requests:
        entries.append({"at": action.created_at, "kind": "action_requested", "object": action})
        if action.answered_at:
            entries.append({"at": action.answered_at, "kind": "action_answered", "object": action})
    for message in messages:
        entries.append({"at": message.created_at, "kind": "message", "object": message})
    return sorted(entries, key=lambda entry: entry["at"])
