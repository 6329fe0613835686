"""Settings of the citizen space and their defaults (deploy-time ones: site/settings)."""

from django.conf import settings


def request_max_total_upload_bytes() -> int:
    """The most that all files of one request may weigh together."""
    return getattr(settings, "REQUEST_MAX_TOTAL_UPLOAD_MB", 50) * 1024 * 1024


def acknowledgement_retry_delays() -> list[int]:
    """Seconds to wait before each new attempt at sending an acknowledgement that failed."""
    return getattr(
        settings, "ACKNOWLEDGEMENT_RETRY_DELAYS", [60, 300, 900, 3600, 3 * 3600, 12 * 3600]
    )


def receipt_font_dir() -> str:
    """Folder of the DejaVu TrueType fonts (Debian package fonts-dejavu-core)."""
    return getattr(settings, "RECEIPT_FONT_DIR", "/usr/share/fonts/truetype/dejavu")
