"""\"My space\": the citizen's drafts and requests (across every collectivity), a request's page,
and their profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from forms_builder.display import answers_for_display

from .. import permissions, selectors
from ..forms import CitizenProfileForm, MessageForm, RequestFilterForm
from ..models import Submission
from ..retention.selectors import submission_retention
from ..workflow import Status


@login_required
def home(request):
    """ "My requests": drafts to resume, then the requests sent, filtered by collectivity and
    status."""
    statuses = [(value, label) for value, label in Status.choices if value != Status.DRAFT]
    form = RequestFilterForm(
        request.GET or None,
        collectivities=selectors.citizen_request_collectivities(user=request.user),
        statuses=statuses,
    )
    filters = form.cleaned_data if form.is_valid() else {}
    return render(
        request,
        "citizen_space/home.html",
        {
            "drafts": selectors.citizen_drafts(user=request.user),
            "requests": selectors.citizen_requests(
                user=request.user,
                collectivity_id=filters.get("collectivity"),
                status=filters.get("status", ""),
            ),
            "filter_form": form,
            "filtered": bool(filters.get("collectivity") or filters.get("status")),
            "open_actions": selectors.citizen_open_actions(user=request.user),
        },
    )


def sent_request_or_404(request, pk: int) -> Submission:
    """The sent request `pk` of the signed-in citizen (a draft or another's: 404)."""
    submission = selectors.submission_get_visible(user=request.user, pk=pk)
    if submission is None or not permissions.is_request_citizen(request.user, submission):
        raise Http404
    return submission


def render_request_page(request, submission: Submission, message_form=None, status=200):
    action_requests = list(selectors.submission_action_requests(submission=submission))
    conversation = list(selectors.submission_messages(submission=submission))
    return render(
        request,
        "citizen_space/request_detail.html",
        {
            "submission": submission,
            "answers": answers_for_display(submission.form_snapshot, submission.answers),
            "timeline": selectors.submission_timeline(
                submission=submission,
                status_changes=selectors.submission_status_changes(submission=submission),
                action_requests=action_requests,
                messages=conversation,
            ),
            "action_requests": action_requests,
            "conversation": conversation,
            "message_form": message_form or MessageForm(),
            "retention": submission_retention(submission=submission),
        },
        status=status,
    )


@login_required
def request_detail(request, pk: int):
    """A request's page: status, receipt, timeline, answers, actions and messages."""
    return render_request_page(request, sent_request_or_404(request, pk))


@login_required
def profile_edit(request):
    profile = selectors.profile_for_user(user=request.user)
    form = CitizenProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your details have been saved."))
        return redirect("citizen_space:profile")
    return render(request, "citizen_space/profile.html", {"form": form})
