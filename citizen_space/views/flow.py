"""The request flow: start on a procedure, fill the form step by step, review, submit."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from forms_builder.display import answers_for_display
from forms_builder.engine import build_step_form
from forms_builder.prefill import initial_from_profile, prefill_sources
from forms_builder.snapshot import step_count

from .. import selectors
from ..appointments.services.booking import appointments_hold_step
from ..models import Submission
from ..services.consent import consent_grant
from ..services.drafts import (
    draft_save_step,
    draft_start,
    draft_store_uploads,
    file_question_names,
)
from ..services.submission import submission_submit
from .consent import consent_screen


def _visible_or_404(request, pk: int) -> Submission:
    submission = selectors.submission_get_visible(user=request.user, pk=pk)
    if submission is None:
        raise Http404
    return submission


def _resume_url(draft: Submission) -> str:
    """Where a request continues: its first step not done, its summary or its confirmation."""
    if not draft.is_draft:
        return reverse("citizen_space:submission_confirmation", args=[draft.pk])
    if draft.is_complete:
        return reverse("citizen_space:draft_review", args=[draft.pk])
    return reverse("citizen_space:draft_step", args=[draft.pk, draft.steps_done + 1])


@login_required
def request_start(request, procedure_id: int):
    """ "Make the request" on a procedure page: resume the citizen's draft or start one.

    Before the first request to a collectivity, the consent screen asks whether it may read
    the citizen's profile; its answer comes back here by POST.
    """
    procedure = selectors.procedure_get_open(procedure_id=procedure_id)
    if procedure is None:
        raise Http404
    collectivity = procedure.collectivity
    if request.method == "POST":
        if request.POST.get("consent") == "accept":
            consent_grant(user=request.user, collectivity=collectivity)
    elif selectors.consent_to_ask(user=request.user, collectivity_id=collectivity.pk):
        return consent_screen(request, procedure=procedure, collectivity=collectivity)
    draft = draft_start(user=request.user, procedure=procedure, language=get_language())
    return redirect(_resume_url(draft))


@login_required
def draft_resume(request, pk: int):
    return redirect(_resume_url(_visible_or_404(request, pk)))


@login_required
def draft_step(request, pk: int, step: int):
    """Step `step` (from 1) of a draft: the form, saved in the draft when it is valid.

    Files that pass their checks are stored even when another answer has an error, and the
    form is shown again with them listed, so the citizen does not send them again.
    """
    draft = _visible_or_404(request, pk)
    index = step - 1
    reachable = 0 <= index < step_count(draft.form_snapshot) and index <= draft.steps_done
    if not draft.is_draft or not reachable:
        return redirect(_resume_url(draft))
    snapshot = draft.form_snapshot
    # Queries only for what the step asks: its files, the profile data it is prefilled with.
    has_files = bool(file_question_names(snapshot, index))

    def step_form(**kwargs):
        return build_step_form(
            snapshot,
            index,
            answers=draft.answers,
            existing_files=selectors.existing_files(submission=draft) if has_files else {},
            query=request.GET,
            **kwargs,
        )

    if request.method == "POST":
        form = step_form(data=request.POST, files=request.FILES)
        form.is_valid()
        refused = draft_store_uploads(draft=draft, form=form)
        if form.uploaded_files:
            # Judge the answers again with the files now stored, as if sent before.
            form = step_form(data=request.POST)
            form.is_valid()
        for name, error in refused.items():
            form.add_error(name, error)
        if not form.errors:
            # Hold the slots of appointment questions; a refusal becomes the question's error.
            appointments_hold_step(draft=draft, form=form)
        if not form.errors:
            draft = draft_save_step(draft=draft, step_index=index, answers=form.answers)
            return redirect(_resume_url(draft))
    else:
        initial = {}
        if prefill_sources(snapshot, index):
            profile = selectors.prefill_profile(
                user=request.user, collectivity_id=draft.collectivity_id
            )
            initial = initial_from_profile(snapshot, index, profile)
        form = step_form(initial=initial)
    return render(
        request,
        "citizen_space/draft_step.html",
        {"draft": draft, "form": form, "step": step},
    )


def _render_review(request, draft: Submission, error: ValidationError | None = None):
    errors = [
        {"message": message, "step": item.params["step"] + 1 if item.params else None}
        for item in (error.error_list if error else [])
        for message in item
    ]
    return render(
        request,
        "citizen_space/draft_review.html",
        {
            "draft": draft,
            "answers": answers_for_display(draft.form_snapshot, draft.answers),
            "errors": errors,
        },
        status=400 if errors else 200,
    )


@login_required
def draft_review(request, pk: int):
    """The summary of a complete draft, each step with a link to change it, and the submit."""
    draft = _visible_or_404(request, pk)
    if not draft.is_draft or not draft.is_complete:
        return redirect(_resume_url(draft))
    return _render_review(request, draft)


@require_POST
@login_required
def draft_submit(request, pk: int):
    """Send the request; sending an already sent draft again shows its confirmation.

    The draft is read once, locked, by the service: another citizen's draft is not found there.
    """
    try:
        submission = submission_submit(submission_id=pk, owner=request.user)
    except Submission.DoesNotExist:
        raise Http404 from None
    except ValidationError as error:
        return _render_review(request, _visible_or_404(request, pk), error)
    return redirect(_resume_url(submission))


@login_required
def submission_confirmation(request, pk: int):
    submission = _visible_or_404(request, pk)
    if submission.is_draft:
        return redirect(_resume_url(submission))
    return render(request, "citizen_space/confirmation.html", {"submission": submission})
