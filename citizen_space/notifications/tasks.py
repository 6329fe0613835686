"""django-q2 tasks of the notifications: thin, idempotent, safe to run again."""

from .delivery import notification_deliver, notifications_requeue_overdue
from .outbox import notify_action_reminder


def deliver_notification(notification_id: str) -> str:
    """Send one notification of the outbox, unless it was sent already."""
    return notification_deliver(notification_id=notification_id)


def remind_action_request(action_request_id: int) -> int:
    """Put the reminder of an action request in the outbox, if it is still open."""
    return len(notify_action_reminder(action_request_id=action_request_id))


def requeue_overdue_notifications() -> int:
    """Periodic safety net: queue again the deliveries whose task was lost."""
    return notifications_requeue_overdue()
