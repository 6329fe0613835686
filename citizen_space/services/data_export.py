"""The citizen's data as a ZIP (right to data portability): one JSON file and their files."""

import json
import tempfile
import zipfile

from allauth.account.models import EmailAddress
from django.core.serializers.json import DjangoJSONEncoder
from django.db.models import Prefetch
from django.utils import timezone

from ..models import (
    ActionRequest,
    CitizenProfile,
    Consent,
    ConsentEvent,
    Message,
    StatusChange,
    Submission,
    Upload,
)
from ..selectors import notification_preferences

DATA_FILE = "mes-donnees.json"
PROFILE_FIELDS = (
    "civility",
    "first_name",
    "last_name",
    "birth_date",
    "birth_place",
    "phone",
    "street",
    "postal_code",
    "city",
    "identity_certified_at",
    "updated_at",
)
# Kept in memory up to this size, then in a temporary file.
SPOOL_BYTES = 10 * 1024 * 1024


def data_export_zip(*, user) -> tempfile.SpooledTemporaryFile:
    """A ZIP of `DATA_FILE` (account, profile, consents and their history, preferences,
    requests with their answers, status history, action requests and messages) and of every
    file of the citizen's requests under `fichiers/`, each listed in the JSON by its path.
    Rewound."""
    # Returned open: the response that sends it closes it.
    archive_file = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
    with zipfile.ZipFile(archive_file, "w", zipfile.ZIP_DEFLATED) as archive:
        requests = []
        for submission in _submissions(user):
            paths = {}
            for upload in submission.uploads.all():
                paths[upload.pk] = _file_path(submission, upload)
                with upload.file.open("rb") as source:
                    archive.writestr(paths[upload.pk], source.read())
            requests.append(_request_data(submission, paths))
        data = {
            "exported_at": timezone.now(),
            "account": _account_data(user),
            "profile": _profile_data(user),
            "consents": [
                {
                    "collectivity": consent.collectivity.name,
                    "granted_at": consent.granted_at,
                    "withdrawn_at": consent.withdrawn_at,
                }
                for consent in Consent.objects.filter(user=user).select_related("collectivity")
            ],
            "consent_history": [
                {
                    "collectivity": event.collectivity.name,
                    "event": event.kind,
                    "profile_data": event.fields,
                    "at": event.created_at,
                }
                for event in ConsentEvent.objects.filter(user=user).select_related("collectivity")
            ],
            "notification_preferences": notification_preferences(user),
            "requests": requests,
        }
        archive.writestr(
            DATA_FILE, json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
        )
    archive_file.seek(0)
    return archive_file


def _submissions(user):
    return (
        Submission.objects.filter(user=user)
        .select_related("collectivity")
        .prefetch_related(
            "uploads",
            Prefetch("status_changes", queryset=StatusChange.objects.order_by("created_at")),
            Prefetch("action_requests", queryset=ActionRequest.objects.order_by("created_at")),
            Prefetch("messages", queryset=Message.objects.order_by("created_at")),
        )
        .order_by("created_at")
    )


def _file_path(submission: Submission, upload: Upload) -> str:
    folder = submission.reference or f"brouillon-{submission.pk}"
    return f"fichiers/{folder}/{upload.pk}-{upload.original_name}"


def _account_data(user) -> dict:
    return {
        "email": user.email,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "email_addresses": list(
            EmailAddress.objects.filter(user=user).values("email", "verified", "primary")
        ),
    }


def _profile_data(user) -> dict | None:
    profile = CitizenProfile.objects.filter(user=user).first()
    if profile is None:
        return None
    return {name: getattr(profile, name) for name in PROFILE_FIELDS}


def _request_data(submission: Submission, paths: dict) -> dict:
    def files_of(**owner) -> list[str]:
        return [
            paths[upload.pk]
            for upload in submission.uploads.all()
            if all(getattr(upload, f"{key}_id") == value for key, value in owner.items())
        ]

    return {
        "reference": submission.reference,
        "procedure": submission.procedure_title,
        "collectivity": submission.collectivity.name,
        "status": submission.status,
        "created_at": submission.created_at,
        "submitted_at": submission.submitted_at,
        "updated_at": submission.updated_at,
        "answers": submission.answers,
        "files": files_of(action_request=None, message=None),
        "status_history": [
            {
                "from": change.from_status,
                "to": change.to_status,
                "at": change.created_at,
                "comment": change.comment,
            }
            for change in submission.status_changes.all()
        ],
        "action_requests": [
            {
                "kind": action.kind,
                "explanation": action.explanation,
                "due_date": action.due_date,
                "status": action.status,
                "asked_at": action.created_at,
                "answered_at": action.answered_at,
                "answer": action.answer_text,
                "files": files_of(action_request=action.pk),
            }
            for action in submission.action_requests.all()
        ],
        "messages": [
            {
                "from_me": message.from_citizen,
                "body": message.body,
                "sent_at": message.created_at,
                "files": files_of(message=message.pk),
            }
            for message in submission.messages.all()
        ],
    }
