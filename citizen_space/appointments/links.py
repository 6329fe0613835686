"""Absolute addresses of an appointment's pages, on its collectivity's portal."""

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from .models import Appointment


def portal_root(collectivity) -> str:
    site = collectivity.site
    return site.root_url if site else f"{settings.PORTAL_SCHEME}://{settings.PORTAL_DOMAIN}"


def appointment_url(
    appointment: Appointment, view: str = "detail", *, language: str | None = None
) -> str:
    """The absolute address of an appointment's page in "My space" (`view`: detail, cancel…)."""
    submission = appointment.submission
    with translation.override(language or submission.language):
        path = reverse(f"citizen_space:appointments:{view}", args=[appointment.pk])
    return portal_root(submission.collectivity) + path
