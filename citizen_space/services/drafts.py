"""Drafts: starting a request on a procedure and saving it step by step."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from forms_builder.engine import StepForm
from forms_builder.snapshot import form_snapshot, iter_inputs

from ..models import Submission
from ..workflow import Status
from .uploads import upload_store, uploads_forget_unlisted


def file_question_names(snapshot: dict, step_index: int | None = None) -> dict[str, bool]:
    """{name: accepts several files} for the file questions of a step (or of the whole form)."""
    return {
        question["name"]: bool(question.get("multiple"))
        for _index, question, _conditions in iter_inputs(snapshot, step_index)
        if question["type"] == "file"
    }


def draft_start(*, user, procedure, language: str) -> Submission:
    """The citizen's draft for `procedure`: the one in progress, else a new one.

    A new draft keeps a snapshot of the procedure's form as it is now, and belongs to the
    collectivity that owns the procedure (an intercommunality's procedure started from a
    commune's portal belongs to the intercommunality).
    """
    draft, _created = Submission.objects.get_or_create(
        user=user,
        procedure=procedure,
        status=Status.DRAFT,
        defaults={
            "collectivity_id": procedure.collectivity_id,
            "procedure_title": procedure.title,
            "language": language,
            "form_snapshot": lambda: form_snapshot(procedure.form),
        },
    )
    return draft


def draft_store_uploads(*, draft: Submission, form: StepForm) -> dict[str, ValidationError]:
    """Store the files that passed the form's checks, even when other answers have errors.

    In a single-file question, a new file replaces the one sent before. Returns, by question
    name, the refusals of the request's total size limit.
    """
    multiple = file_question_names(draft.form_snapshot, form.step_index)
    refused = {}
    for name, files in form.uploaded_files.items():
        for uploaded_file in files:
            try:
                upload_store(
                    draft=draft,
                    field_name=name,
                    uploaded_file=uploaded_file,
                    replace=not multiple.get(name, False),
                )
            except ValidationError as error:
                refused[name] = error
                break
    return refused


def draft_save_step(*, draft: Submission, step_index: int, answers: dict) -> Submission:
    """Record the valid answers of one step and count it as done.

    The files of the step's questions that the answers no longer list are deleted.
    """
    with transaction.atomic():
        draft = Submission.objects.select_for_update().get(pk=draft.pk)
        if not draft.is_draft:
            raise ValidationError(
                _("This request has already been sent: it cannot be changed."),
                code="already_submitted",
            )
        draft.answers = {**draft.answers, **answers}
        draft.steps_done = max(draft.steps_done, step_index + 1)
        draft.save(update_fields=["answers", "steps_done", "updated_at"])
        uploads_forget_unlisted(
            submission=draft, field_names=set(file_question_names(draft.form_snapshot, step_index))
        )
    return draft
