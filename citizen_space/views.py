"""Views of the request flow (to be completed by the forms/requests work)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404


@login_required
def request_start(request, procedure_id: int):
    raise Http404
