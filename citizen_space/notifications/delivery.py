"""Delivering the outbox: each notification once, retried with a backoff while its channel
is down."""

import logging
import smtplib
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django_q.tasks import schedule

from . import app_settings
from .emails import email_send
from .exceptions import Undeliverable
from .models import Notification
from .outbox import DELIVER_TASK, notification_enqueue
from .webhooks import webhook_send

logger = logging.getLogger(__name__)

_SENDERS = {Notification.Channel.EMAIL: email_send, Notification.Channel.PUSH: webhook_send}
# A channel that is down: the SMTP server or the webhook cannot be reached, or refuses.
CHANNEL_ERRORS = (OSError, smtplib.SMTPException)


def notification_deliver(*, notification_id) -> str:
    """Send one notification unless it was sent already; safe to call again and again.

    The outbox row stays locked while it is sent and its new state is written in the same
    transaction, so two workers never both send it. When the channel is down, the attempt is
    counted and the next one scheduled (NOTIFICATION_RETRY_DELAYS); after the last, it is given
    up. Returns what was done, for the task's result.
    """
    with transaction.atomic():
        notification = (
            Notification.objects.select_for_update(of=("self",))
            .select_related("submission__collectivity__site", "submission__user")
            .filter(pk=notification_id)
            .first()
        )
        if notification is None or notification.state != Notification.State.PENDING:
            logger.info("Notification %s skipped: not pending.", notification_id)
            return "skipped"
        notification.attempts += 1
        try:
            _SENDERS[notification.channel](notification)
        except Undeliverable as error:
            return _give_up(notification, error)
        except CHANNEL_ERRORS as error:
            return _retry_later(notification, error)
        notification.state = Notification.State.SENT
        notification.sent_at = timezone.now()
        notification.last_error = ""
        notification.save(update_fields=["state", "attempts", "sent_at", "last_error"])
    logger.info("Notification %s sent.", notification.key)
    return "sent"


def _retry_later(notification: Notification, error: Exception) -> str:
    delays = app_settings.retry_delays()
    if notification.attempts > len(delays):
        return _give_up(notification, error)
    delay = delays[notification.attempts - 1]
    notification.next_attempt_at = timezone.now() + timedelta(seconds=delay)
    notification.last_error = _describe(error)
    notification.save(update_fields=["attempts", "next_attempt_at", "last_error"])
    logger.warning(
        "Notification %s not sent (%s); new attempt in %s s.", notification.key, error, delay
    )
    pk, run_at = str(notification.pk), notification.next_attempt_at
    transaction.on_commit(lambda: schedule(DELIVER_TASK, pk, next_run=run_at), robust=True)
    return "retry scheduled"


def _give_up(notification: Notification, error: Exception) -> str:
    notification.state = Notification.State.FAILED
    notification.last_error = _describe(error)
    notification.save(update_fields=["state", "attempts", "last_error"])
    logger.error(
        "Notification %s given up after %s attempts: %s",
        notification.key,
        notification.attempts,
        error,
    )
    return "given up"


def _describe(error: Exception) -> str:
    return f"{type(error).__name__}: {error}"[:2000]


def notifications_requeue_overdue(*, now=None) -> int:
    """Queue again the pending notifications whose delivery is overdue by more than
    NOTIFICATION_SWEEP_GRACE_SECONDS (their task was lost); returns how many."""
    now = now or timezone.now()
    limit = now - timedelta(seconds=app_settings.sweep_grace_seconds())
    overdue = list(
        Notification.objects.filter(
            state=Notification.State.PENDING, next_attempt_at__lte=limit
        ).values_list("pk", flat=True)[:500]
    )
    for pk in overdue:
        notification_enqueue(notification_id=pk)
    if overdue:
        logger.warning("%s overdue notifications queued again.", len(overdue))
    return len(overdue)
