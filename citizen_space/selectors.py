"""Read queries of the citizen space, shared by views, tasks and (later) the back office."""

from django.db.models import QuerySet

from pages.models import ProcedurePage

from . import permissions
from .models import CitizenProfile, Submission, Upload
from .workflow import Status


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


def citizen_requests(*, user) -> QuerySet[Submission]:
    return citizen_submissions(user=user).exclude(status=Status.DRAFT).order_by("-submitted_at")


def submission_get_visible(*, user, pk: int) -> Submission | None:
    """Submission `pk` with its collectivity, if `user` may see it."""
    return (
        permissions.submissions_visible_to(user)
        .select_related("collectivity", "user")
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


def prefill_profile(*, user) -> dict:
    """The citizen's data by prefill source (see `forms_builder.prefill`)."""
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
