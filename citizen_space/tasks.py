"""django-q2 tasks: thin, idempotent, safe to run again (the services decide and log)."""

from .services.acknowledgement import acknowledgement_send


def send_acknowledgement(submission_id: int) -> str:
    """Send a request's acknowledgement of receipt by email, unless it was sent already."""
    return acknowledgement_send(submission_id=submission_id)
