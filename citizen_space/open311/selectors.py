"""Reads of Open311: a jurisdiction's services (its incident procedures) and filed requests."""

from django.conf import settings
from django.db.models import QuerySet

from commune_sites.models import Collectivity
from pages.api.selectors import owner_ids
from pages.models import ProcedurePage

from ..workflow import Status
from .models import Open311Request


def jurisdiction_services(*, collectivity: Collectivity) -> QuerySet[ProcedurePage]:
    """The live incident-report procedures offered on the collectivity's portal (its own and
    its intercommunality's), in the portal's default language."""
    return (
        ProcedurePage.objects.live()
        .filter(
            is_incident_report=True,
            collectivity_id__in=owner_ids(collectivity),
            locale__language_code=settings.LANGUAGE_CODE,
        )
        .select_related("collectivity")
        .order_by("title")
    )


def service_get(*, collectivity: Collectivity, service_code: str) -> ProcedurePage | None:
    if not (service_code.isascii() and service_code.isdigit()):
        return None
    return jurisdiction_services(collectivity=collectivity).filter(pk=int(service_code)).first()


def filed_request_get(*, collectivity: Collectivity, reference: str) -> Open311Request | None:
    """A request filed through Open311 to the collectivity or its intercommunality."""
    return (
        Open311Request.objects.select_related("submission__collectivity")
        .filter(
            submission__reference=reference,
            submission__collectivity_id__in=owner_ids(collectivity),
        )
        .exclude(submission__status=Status.DRAFT)
        .first()
    )
