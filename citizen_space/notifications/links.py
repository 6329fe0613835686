"""Absolute addresses of the citizen's pages, for emails and push events."""

from django.conf import settings
from django.urls import reverse

from citizen_space.models import Submission


def portal_url(submission: Submission, name: str, *args) -> str:
    """The absolute address of a page of "My space" on the portal of the request's
    collectivity, in the active language."""
    site = submission.collectivity.site
    root = site.root_url if site else f"{settings.PORTAL_SCHEME}://{settings.PORTAL_DOMAIN}"
    return root + reverse(name, args=args)
