"""Settings of the citizen space and their defaults (deploy-time ones: site/settings)."""

from django.conf import settings


def request_max_total_upload_bytes() -> int:
    """The most that all files of one request may weigh together."""
    return getattr(settings, "REQUEST_MAX_TOTAL_UPLOAD_MB", 50) * 1024 * 1024


def receipt_font_dir() -> str:
    """Folder of the DejaVu TrueType fonts (Debian package fonts-dejavu-core)."""
    return getattr(settings, "RECEIPT_FONT_DIR", "/usr/share/fonts/truetype/dejavu")


def attachment_kinds() -> list[str]:
    """Kinds of file (forms_builder.filetypes) accepted with messages and answers to actions."""
    return getattr(settings, "ATTACHMENT_FILE_KINDS", ["pdf", "jpeg", "png"])


def attachment_max_size_mb() -> int:
    """The most that one file attached to a message or an answer may weigh."""
    return getattr(settings, "ATTACHMENT_MAX_SIZE_MB", 10)
