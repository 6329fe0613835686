""" "My actions to do": what collectivities asked the citizen, and the page to answer."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import permissions, selectors
from ..forms import ActionAnswerForm
from ..services.action_requests import action_request_answer


@login_required
def action_list(request):
    return render(
        request,
        "citizen_space/actions.html",
        {"open_actions": selectors.citizen_open_actions(user=request.user)},
    )


@login_required
def action_answer(request, pk: int):
    """An action request: what is asked and, while it is open, the form to answer it."""
    action_request = selectors.action_request_get_visible(user=request.user, pk=pk)
    if action_request is None:
        raise Http404
    can_answer = permissions.can_answer_action_request(request.user, action_request)
    form = ActionAnswerForm(request.POST or None, request.FILES or None) if can_answer else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            action_request_answer(
                action_request=action_request,
                user=request.user,
                text=form.cleaned_data["text"],
                files=form.cleaned_data["files"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("Your answer has been sent to %(name)s.")
                % {"name": action_request.submission.collectivity.name},
            )
            return redirect("citizen_space:request_detail", action_request.submission_id)
    return render(
        request,
        "citizen_space/action_answer.html",
        {"action_request": action_request, "form": form},
        status=400 if form is not None and form.errors else 200,
    )
