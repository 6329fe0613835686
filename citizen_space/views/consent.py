"""Consent of the citizen to each collectivity reading their profile: asked, listed, withdrawn."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from commune_sites.models import Collectivity

from .. import selectors
from ..services.consent import consent_grant, consent_withdraw


def consent_screen(request, *, procedure, collectivity):
    """The screen shown before a first request to `collectivity`: what it would receive, and
    the choice (posted back to `request_start`)."""
    return render(
        request,
        "citizen_space/consent_ask.html",
        {
            "procedure": procedure,
            "collectivity": collectivity,
            "shared_data": selectors.profile_shared_data(user=request.user),
        },
    )


@login_required
def consent_list(request):
    return render(
        request,
        "citizen_space/consents.html",
        {
            "rows": selectors.consents_overview(user=request.user),
            "shared_data": selectors.profile_shared_data(user=request.user),
        },
    )


def _listed_collectivity(request, pk: int) -> Collectivity:
    """A collectivity of the citizen's consents list (others: 404)."""
    for row in selectors.consents_overview(user=request.user):
        if row["collectivity"].pk == pk:
            return row["collectivity"]
    raise Http404


@require_POST
@login_required
def consent_withdraw_view(request, collectivity_id: int):
    collectivity = _listed_collectivity(request, collectivity_id)
    if consent_withdraw(user=request.user, collectivity=collectivity):
        messages.success(
            request,
            _("%(name)s can no longer read your details.") % {"name": collectivity.name},
        )
    return redirect("citizen_space:consents")


@require_POST
@login_required
def consent_grant_view(request, collectivity_id: int):
    collectivity = _listed_collectivity(request, collectivity_id)
    consent_grant(user=request.user, collectivity=collectivity)
    messages.success(
        request, _("%(name)s can now read your details.") % {"name": collectivity.name}
    )
    return redirect("citizen_space:consents")
