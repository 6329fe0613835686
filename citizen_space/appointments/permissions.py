"""Who may see or act on an appointment from "My space": the citizen whose request it is.
Agents reach appointments through their agendas (`commune_sites.agendas.permissions`).
Others get 404."""

from django.db.models import QuerySet

from citizen_space.workflow import Status

from .models import Appointment


def appointments_visible_to(user) -> QuerySet[Appointment]:
    """The appointments of the citizen's own sent requests."""
    if not user.is_authenticated:
        return Appointment.objects.none()
    return Appointment.objects.filter(submission__user=user).exclude(
        submission__status=Status.DRAFT
    )
