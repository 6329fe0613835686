"""Settings of the notifications and their defaults (deploy-time ones: site/settings)."""

from django.conf import settings


def retry_delays() -> list[int]:
    """Seconds to wait before each new attempt at a delivery that failed; then it is given up."""
    return getattr(settings, "NOTIFICATION_RETRY_DELAYS", [60, 300, 900, 3600, 3 * 3600, 12 * 3600])


def sweep_grace_seconds() -> int:
    """How late a due delivery may be before the periodic sweep queues it again (its task was
    lost, for instance the broker was down when the change was committed)."""
    return getattr(settings, "NOTIFICATION_SWEEP_GRACE_SECONDS", 300)


def webhook_timeout() -> int:
    """Seconds a collectivity's push webhook has to answer."""
    return getattr(settings, "NOTIFICATION_WEBHOOK_TIMEOUT", 10)


def reminder_days_before() -> int:
    """How many days before its due date the citizen is reminded of an open action request."""
    return getattr(settings, "ACTION_REMINDER_DAYS_BEFORE", 2)


def reminder_hour() -> int:
    """The hour of the day (Europe/Paris) at which reminders are sent."""
    return getattr(settings, "ACTION_REMINDER_HOUR", 9)
