"""Settings of the appointments and their defaults (deploy-time ones: site/settings)."""

from django.conf import settings


def hold_minutes() -> int:
    """How long a slot chosen in a form stays held while the citizen finishes it."""
    return getattr(settings, "APPOINTMENT_HOLD_MINUTES", 30)


def ants_hub_token() -> str:
    """The token ANTS's national search site sends us (header X-HUB-RDV-AUTH-TOKEN)."""
    return getattr(settings, "ANTS_HUB_TOKEN", "") or ""


def ants_api_url() -> str:
    """Base URL of ANTS's coordination API ("…/api"); empty: no coordination."""
    return (getattr(settings, "ANTS_API_URL", "") or "").rstrip("/")


def ants_api_token() -> str:
    """Our token for the coordination API (header x-rdv-opt-auth-token)."""
    return getattr(settings, "ANTS_API_TOKEN", "") or ""


def ants_api_timeout() -> float:
    """Seconds to wait for the coordination API before going on without it."""
    return getattr(settings, "ANTS_API_TIMEOUT", 5)


def ants_retry_delays() -> list[int]:
    """Seconds to wait before each new attempt at declaring or withdrawing with ANTS."""
    return getattr(settings, "ANTS_RETRY_DELAYS", [60, 300, 900, 3600, 3 * 3600, 12 * 3600])
