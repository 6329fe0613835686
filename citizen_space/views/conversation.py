"""Messages with the collectivity on a request, written from the request's page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..forms import MessageForm
from ..services.conversation import message_post
from .space import render_request_page, sent_request_or_404


@require_POST
@login_required
def message_send(request, pk: int):
    submission = sent_request_or_404(request, pk)
    form = MessageForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            message_post(
                submission=submission,
                author=request.user,
                body=form.cleaned_data["body"],
                files=form.cleaned_data["files"],
                from_citizen=True,
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your message has been sent."))
            return redirect(reverse("citizen_space:request_detail", args=[pk]) + "#messages")
    return render_request_page(request, submission, message_form=form, status=400)
