"""django-q2 tasks of the appointments: thin, idempotent, safe to run again."""

from commune_sites.agendas.services import holds_expire

from .services.ants import ants_sync
from .services.notices import notice_send, reminders_send


def send_notice(appointment_id: int, kind: str) -> str:
    """Send an email about an appointment (confirmation, move, cancellation…), once."""
    return notice_send(appointment_id=appointment_id, kind=kind)


def send_reminders() -> int:
    """Periodic (hourly): the reminders of tomorrow's appointments not sent yet."""
    return reminders_send()


def sync_with_ants(appointment_id: int) -> str:
    """Declare or withdraw an appointment with ANTS; reschedules itself while ANTS is down."""
    return ants_sync(appointment_id=appointment_id)


def release_expired_holds() -> int:
    """Periodic: give back the slots held by forms that were left unfinished."""
    return holds_expire()
