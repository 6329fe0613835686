"""Settings of the public API and the embed widget, with their defaults."""

from django.conf import settings


def public_api_rate() -> str:
    """Requests allowed per client address: "<count>/<s|m|h|d>" (PUBLIC_API_RATE)."""
    return getattr(settings, "PUBLIC_API_RATE", "120/m")


def public_api_max_age() -> int:
    """Seconds that browsers and shared caches may reuse an answer without asking again."""
    return getattr(settings, "PUBLIC_API_MAX_AGE", 300)
