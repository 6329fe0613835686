"""\"My space\": the citizen's drafts and requests, and their profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from .. import selectors
from ..forms import CitizenProfileForm


@login_required
def home(request):
    return render(
        request,
        "citizen_space/home.html",
        {
            "drafts": selectors.citizen_drafts(user=request.user),
            "requests": selectors.citizen_requests(user=request.user),
        },
    )


@login_required
def profile_edit(request):
    profile = selectors.profile_for_user(user=request.user)
    form = CitizenProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your details have been saved."))
        return redirect("citizen_space:profile")
    return render(request, "citizen_space/profile.html", {"form": form})
