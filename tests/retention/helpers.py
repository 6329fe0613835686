"""A request with everything a case gathers, each text a distinct sentinel string, and the
checks the retention tests share."""

from dataclasses import dataclass, field
from datetime import timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db.models import Count
from django.utils import timezone

from citizen_space.backoffice.models import Assignment, Consultation, InternalNote
from citizen_space.backoffice.services import (
    assignment_set,
    consultations_record,
    internal_note_add,
)
from citizen_space.models import (
    ActionRequest,
    CitizenProfile,
    Message,
    StatusChange,
    Submission,
    Upload,
)
from citizen_space.notifications.models import Notification
from citizen_space.services.action_requests import action_request_answer, action_request_create
from citizen_space.services.conversation import message_post
from citizen_space.services.status import submission_transition
from citizen_space.services.submission import submission_submit
from citizen_space.services.uploads import upload_store
from forms_builder.snapshot import form_snapshot
from tests.citizen_space.conftest import FORM, form_stream

CONTENT_MODELS = (
    Upload,
    Message,
    ActionRequest,
    StatusChange,
    InternalNote,
    Assignment,
    Consultation,
    Notification,
)


def pdf(name: str, marker: str) -> SimpleUploadedFile:
    """A small PDF whose content carries `marker`."""
    content = f"%PDF-1.4\n% {marker}\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n".encode()
    return SimpleUploadedFile(name, content, content_type="application/pdf")


@dataclass
class Sentinels:
    """Distinct strings, one per place a request's personal data goes, with a common prefix."""

    prefix: str
    values: dict[str, str] = field(init=False)

    PLACES = (
        "profile",
        "answer_name",
        "answer_details",
        "file_name",
        "file_content",
        "message_agent",
        "message_citizen",
        "attachment_name",
        "attachment_content",
        "note",
        "action",
        "action_answer",
        "action_file_name",
        "action_file_content",
        "status_comment",
        "decision_comment",
        "outbox",
    )

    def __post_init__(self):
        self.values = {place: f"{self.prefix}{place.upper()}Z" for place in self.PLACES}

    def __getitem__(self, place: str) -> str:
        return self.values[place]

    def found_in(self, text: str) -> set[str]:
        return {place for place, value in self.values.items() if value in text}


def plant_request(*, collectivity, citizen, agent, sentinels: Sentinels, decide="accepted"):
    """A request of `citizen` to `collectivity` with files, messages and their attachments, an
    action request answered with a file, notes, an assignment, consultations, status comments
    and outbox rows, every text a sentinel; decided as `decide` (None: left in progress)."""
    s = sentinels
    CitizenProfile.objects.update_or_create(
        user=citizen, defaults={"last_name": s["profile"], "street": s["profile"]}
    )
    draft = Submission.objects.create(
        user=citizen,
        collectivity=collectivity,
        procedure_title="Attestation de domicile",
        language="en",
        form_snapshot=form_snapshot(form_stream(FORM)),
        answers={
            "last_name": s["answer_name"],
            "contact_email": "camille@example.org",
            "details": s["answer_details"],
        },
        steps_done=2,
    )
    upload = upload_store(
        draft=draft,
        field_name="proof",
        uploaded_file=pdf(f"{s['file_name']}.pdf", s["file_content"]),
        replace=True,
    )
    draft.answers["proof"] = [upload.as_answer()]
    draft.save(update_fields=["answers"])
    request = submission_submit(submission_id=draft.pk)

    submission_transition(
        submission=request, to="in_progress", actor=agent, comment=s["status_comment"]
    )
    assignment_set(submission=request, agent=agent, by=agent)
    internal_note_add(submission=request, author=agent, body=s["note"])
    consultations_record(submissions=[request], user=agent, kind=Consultation.Kind.DETAIL)
    message_post(
        submission=request, author=agent, body=s["message_agent"], files=[], from_citizen=False
    )
    message_post(
        submission=request,
        author=citizen,
        body=s["message_citizen"],
        files=[pdf(f"{s['attachment_name']}.pdf", s["attachment_content"])],
        from_citizen=True,
    )
    action = action_request_create(
        submission=request,
        agent=agent,
        kind=ActionRequest.Kind.DOCUMENT,
        explanation=s["action"],
        due_date=timezone.localdate() + timedelta(days=10),
    )
    action_request_answer(
        action_request=action,
        user=citizen,
        text=s["action_answer"],
        files=[pdf(f"{s['action_file_name']}.pdf", s["action_file_content"])],
    )
    if decide:
        request.refresh_from_db()
        submission_transition(
            submission=request, to=decide, actor=agent, comment=s["decision_comment"]
        )
    Notification.objects.filter(submission=request).update(last_error=s["outbox"])
    request.refresh_from_db()
    return request


def content_counts(submission_ids) -> dict[str, int]:
    """How many rows of each kind the requests hold besides their own."""
    return {
        model.__name__: model.objects.filter(submission_id__in=submission_ids).count()
        for model in CONTENT_MODELS
    }


def kept_figures(collectivity) -> list[tuple]:
    """What statistics read of a collectivity's requests, row by row."""
    return list(
        Submission.objects.filter(collectivity=collectivity)
        .exclude(status="draft")
        .values_list("procedure_id", "procedure_title", "status", "processing_time")
        .annotate(n=Count("pk"))
        .order_by("procedure_title", "status", "processing_time")
    )
