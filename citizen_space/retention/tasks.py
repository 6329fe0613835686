"""django-q2 task of the retention: thin, idempotent, safe to run again."""

from .services import anonymize_expired


def anonymize_expired_requests() -> str:
    """Periodic (daily): anonymise the requests past their period, delete abandoned drafts."""
    run = anonymize_expired()
    return (
        f"{run.requests_anonymised} requests anonymised, {run.drafts_deleted} drafts deleted, "
        f"{run.files_deleted} files deleted"
    )
