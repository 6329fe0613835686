"""The "API Éditeurs" endpoints that ANTS's national search site (rendezvouspasseport.ants.gouv.fr)
calls: our meeting points, their free slots, and the appointments held for pre-application
numbers. Authenticated by the X-HUB-RDV-AUTH-TOKEN header (ANTS_HUB_TOKEN).

They answer within ANTS's 15-second timeout: a few queries per meeting point, and a search
range limited to MAX_SEARCH_DAYS.
"""

import hmac
from datetime import date, timedelta
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.http import JsonResponse
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.dateparse import parse_date
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from commune_sites.agendas.selectors import free_slots

from .. import app_settings, selectors
from ..links import appointment_url, portal_root

MAX_SEARCH_DAYS = 62
REASONS = {"CNI", "PASSPORT", "CNI-PASSPORT"}


def _error(status: int, detail: str) -> JsonResponse:
    return JsonResponse({"detail": detail}, status=status)


def hub_token_required(view):
    """Refuse calls without the hub's token (401), or all calls when none is set (503)."""

    @wraps(view)
    def checked(request, *args, **kwargs):
        expected = app_settings.ants_hub_token()
        if not expected:
            return _error(503, "ANTS interconnection is not configured.")
        given = request.headers.get("X-HUB-RDV-AUTH-TOKEN", "")
        if not hmac.compare_digest(given.encode(), expected.encode()):
            return _error(401, "X-HUB-RDV-AUTH-TOKEN header invalid")
        return view(request, *args, **kwargs)

    return never_cache(require_GET(checked))


def _list_param(request, name: str) -> list[str]:
    """A list given as repeated parameters (a=1&a=2) or comma-separated (a=1,2)."""
    values = request.GET.getlist(name)
    return [item.strip() for value in values for item in value.split(",") if item.strip()]


@hub_token_required
def managed_meeting_points(request):
    """getManagedMeetingPoints: every agenda offered to the national search site."""
    points = [
        {
            "id": str(point.pk),
            "name": point.name,
            "longitude": float(point.longitude),
            "latitude": float(point.latitude),
            "public_entry_address": point.public_entry_address,
            "zip_code": point.zip_code,
            "city_name": point.city_name,
            "website": point.agenda.collectivity.website,
            "city_logo": point.logo_url,
        }
        for point in selectors.meeting_points_offered()
    ]
    return JsonResponse(points, safe=False)


@hub_token_required
def available_time_slots(request):
    """availableTimeSlots: {meeting point id: [{datetime, callback_url}]} between two dates."""
    start_date = parse_date(request.GET.get("start_date") or "")
    end_date = parse_date(request.GET.get("end_date") or "")
    if start_date is None or end_date is None or end_date < start_date:
        return _error(400, "start_date and end_date (YYYY-MM-DD, in order) are required.")
    reason = request.GET.get("reason") or "CNI-PASSPORT"
    if reason not in REASONS:
        return _error(400, f"reason must be one of {', '.join(sorted(REASONS))}.")
    try:
        documents = int(request.GET.get("documents_number") or 1)
    except ValueError:
        return _error(400, "documents_number must be a number.")
    if documents < 1:
        return _error(400, "documents_number must be at least 1.")
    end_date = min(end_date, start_date + timedelta(days=MAX_SEARCH_DAYS))
    wanted = set(_list_param(request, "meeting_point_ids"))
    points = selectors.meeting_points_offered().prefetch_related("agenda__opening_hours")
    answer = {}
    for point in points:
        if str(point.pk) not in wanted:
            continue
        answer[str(point.pk)] = _slots(point, start_date, end_date)
    return JsonResponse(answer)


def _slots(point, start_date: date, end_date: date) -> list[dict]:
    root = portal_root(point.agenda.collectivity)
    with translation.override(settings.LANGUAGE_CODE):
        path = reverse("citizen_space:appointments:ants_start", args=[point.pk])
    return [
        {
            "datetime": slot.start.isoformat(),
            "callback_url": f"{root}{path}?{urlencode({'creneau': slot.start.isoformat()})}",
        }
        for slot in free_slots(agenda=point.agenda, start_date=start_date, end_date=end_date)
    ]


@hub_token_required
def search_application_ids(request):
    """searchApplicationIds: {number: [{meeting_point, datetime, management_url, cancel_url}]}
    for our upcoming appointments given with these pre-application numbers."""
    numbers = _list_param(request, "application_ids")
    if not numbers:
        return _error(400, "application_ids is required.")
    answer: dict[str, list] = {number: [] for number in numbers}
    for pre in selectors.pre_applications_booked(numbers=numbers):
        appointment = pre.appointment
        agenda = appointment.booking.agenda
        point = getattr(agenda, "meeting_point", None)
        answer[pre.number].append(
            {
                "meeting_point": point.name if point else f"{agenda.place}, {agenda.collectivity}",
                "datetime": timezone.localtime(appointment.booking.start).isoformat(),
                "management_url": appointment_url(appointment, language=settings.LANGUAGE_CODE),
                "cancel_url": appointment_url(
                    appointment, "cancel", language=settings.LANGUAGE_CODE
                ),
            }
        )
    return JsonResponse(answer)
