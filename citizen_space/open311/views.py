"""Open311 GeoReport v2 endpoints (mounted at /open311/v2/; JSON only).

The jurisdiction is the collectivity whose portal serves the request, or the one named by
`jurisdiction_id` (its slug). Listing services and reading a request's status is open; posting
a request needs the `api_key` of a client of the jurisdiction. Answers contain no personal data.
"""

import json
from functools import partial, wraps

from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from commune_sites.selectors import collectivity_for_request
from forms_builder.snapshot import form_snapshot
from pages.api.selectors import collectivity_get
from pages.api.throttling import rate_limited

from .. import workflow
from . import selectors
from .definitions import location_of, service_attributes
from .errors import GeoReportError, georeport_errors
from .services import client_authenticate, report_file

JURISDICTION_PARAM = "jurisdiction_id"


def georeport_view(*methods: str):
    """JSON answers; refusals (wrong method, unknown object, bad data, too many requests) as
    GeoReport errors."""

    def decorate(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if request.method not in methods:
                return georeport_errors(405, _("Method not allowed: use %s.") % ", ".join(methods))
            try:
                return view(request, *args, **kwargs)
            except GeoReportError as error:
                return error.response()
            except ValidationError as error:
                return GeoReportError.from_validation(error).response()
            except Http404:
                return georeport_errors(404, _("Not found."))

        refuse = partial(georeport_errors, 429, _("Too many requests: please retry later."))
        return csrf_exempt(rate_limited(wrapped, refusal=refuse))

    return decorate


def _json(data, status: int = 200) -> HttpResponse:
    return HttpResponse(
        json.dumps(data, ensure_ascii=False),
        status=status,
        content_type="application/json; charset=utf-8",
    )


def _jurisdiction(request):
    slug = request.GET.get(JURISDICTION_PARAM) or request.POST.get(JURISDICTION_PARAM)
    if slug:
        collectivity = collectivity_get(slug=slug)
        if collectivity is None:
            raise GeoReportError(404, _("Unknown jurisdiction_id."))
        return collectivity
    return collectivity_for_request(request)


def _required_jurisdiction(request):
    collectivity = _jurisdiction(request)
    if collectivity is None:
        raise GeoReportError(400, _("jurisdiction_id is required on this address."))
    return collectivity


def _datetime(value) -> str | None:
    return timezone.localtime(value).isoformat(timespec="seconds") if value else None


def _service(procedure) -> dict:
    return {
        "service_code": str(procedure.pk),
        "service_name": procedure.title,
        "description": procedure.summary,
        "metadata": True,
        "type": "batch",
        "keywords": "",
        "group": procedure.collectivity.name,
    }


def _service_or_404(collectivity, service_code: str):
    procedure = selectors.service_get(collectivity=collectivity, service_code=service_code)
    if procedure is None:
        raise GeoReportError(404, _("No service has this code in this jurisdiction."))
    return procedure


@georeport_view("GET")
def service_list(request):
    collectivity = _required_jurisdiction(request)
    return _json([_service(p) for p in selectors.jurisdiction_services(collectivity=collectivity)])


@georeport_view("GET")
def service_definition(request, service_code: str):
    procedure = _service_or_404(_required_jurisdiction(request), service_code)
    return _json(
        {
            "service_code": str(procedure.pk),
            "attributes": service_attributes(form_snapshot(procedure.form)),
        }
    )


@georeport_view("POST")
def request_create(request):
    client = client_authenticate(key=request.POST.get("api_key", ""))
    if client is None:
        raise GeoReportError(403, _("Invalid api_key."))
    collectivity = _jurisdiction(request) or client.collectivity
    if collectivity.pk != client.collectivity_id:
        raise GeoReportError(403, _("This api_key is not valid in this jurisdiction."))
    service_code = request.POST.get("service_code", "")
    if not service_code:
        raise GeoReportError(400, _("service_code is required."))
    procedure = _service_or_404(collectivity, service_code)
    submission = report_file(
        client=client,
        procedure=procedure,
        posted=request.POST,
        files=request.FILES,
        language=get_language(),
    )
    return _json(
        [
            {
                "service_request_id": submission.reference,
                "service_notice": _(
                    "Your report was received by %(name)s, reference %(reference)s."
                )
                % {"name": submission.collectivity.name, "reference": submission.reference},
                "account_id": None,
            }
        ],
        status=201,
    )


@georeport_view("GET")
def request_status(request, service_request_id: str):
    collectivity = _required_jurisdiction(request)
    filed = selectors.filed_request_get(collectivity=collectivity, reference=service_request_id)
    if filed is None:
        raise GeoReportError(404, _("No request has this id in this jurisdiction."))
    submission = filed.submission
    location = location_of(submission.form_snapshot, submission.answers)
    return _json(
        [
            {
                "service_request_id": submission.reference,
                "status": georeport_status(submission.status),
                "status_notes": str(submission.get_status_display()),
                "service_name": submission.procedure_title,
                "service_code": str(submission.procedure_id or ""),
                "agency_responsible": submission.collectivity.name,
                "service_notice": "",
                "requested_datetime": _datetime(submission.submitted_at),
                "updated_datetime": _datetime(submission.updated_at),
                "expected_datetime": None,
                "address": location.get("address") or "",
                "lat": _float(location.get("latitude")),
                "long": _float(location.get("longitude")),
            }
        ]
    )


def georeport_status(status: str) -> str:
    """ "closed" once the request is decided (accepted, rejected or closed), else "open"."""
    return "closed" if status in workflow.DECIDED else "open"


def _float(value) -> float | None:
    return None if value in (None, "") else float(value)
