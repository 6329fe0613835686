"""The citizen's account in "My space": email, notifications, their data, deletion."""

from allauth.account.decorators import reauthentication_required
from allauth.account.forms import AddEmailForm
from allauth.socialaccount.models import SocialAccount
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from .. import selectors
from ..forms import AccountDeleteForm, NotificationPreferencesForm
from ..services.account import (
    account_delete,
    email_change_confirm,
    email_change_request,
    email_change_token_address,
    notification_preferences_set,
)
from ..services.data_export import data_export_zip


@login_required
def account(request):
    return render(
        request,
        "citizen_space/account.html",
        {"franceconnect_linked": SocialAccount.objects.filter(user=request.user).exists()},
    )


@login_required
def email_change(request):
    """Step 1 of a change of email: the new address, then a link sent to the current one
    (which stands for the password: whoever reads that mailbox could reset it)."""
    form = AddEmailForm(user=request.user, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        new_email = form.cleaned_data["email"]
        email_change_request(request=request, user=request.user, new_email=new_email)
        return render(request, "citizen_space/email_change_sent.html", {"new_email": new_email})
    return render(request, "citizen_space/email_change.html", {"form": form})


@login_required
def email_change_confirm_view(request, token: str):
    """Step 2, from the link sent to the current address: confirm, then the new address is
    sent its own verification link."""
    new_email = email_change_token_address(user=request.user, token=token)
    if new_email is None:
        return render(request, "citizen_space/email_change_confirm.html", status=400)
    if request.method == "POST":
        email_change_confirm(request=request, user=request.user, token=token)
        return render(request, "citizen_space/email_change_verify.html", {"new_email": new_email})
    return render(request, "citizen_space/email_change_confirm.html", {"new_email": new_email})


@login_required
def notifications(request):
    preferences = selectors.notification_preferences(request.user)
    form = NotificationPreferencesForm(request.POST or None, preferences=preferences)
    if request.method == "POST" and form.is_valid():
        notification_preferences_set(user=request.user, preferences=form.cleaned_data)
        messages.success(request, _("Your choices have been saved."))
        return redirect("citizen_space:notifications")
    return render(request, "citizen_space/notifications.html", {"form": form})


@never_cache
@login_required
def data_download(request):
    """ "Download my data": a ZIP of everything the portal keeps about the citizen."""
    return FileResponse(
        data_export_zip(user=request.user),
        as_attachment=True,
        filename=f"mes-donnees-{timezone.localdate():%Y-%m-%d}.zip",
        content_type="application/zip",
    )


@login_required
@reauthentication_required
def delete(request):
    """Delete the account after confirmation; allauth asks for the password first (or a code
    by email, for an account without one) unless given in the last few minutes."""
    form = AccountDeleteForm(request.POST or None)
    kept = selectors.citizen_requests(user=request.user).count()
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        account_delete(user=user)
        return redirect("citizen_space:account_deleted")
    return render(request, "citizen_space/account_delete.html", {"form": form, "kept": kept})


def deleted(request):
    return render(request, "citizen_space/account_deleted.html")
