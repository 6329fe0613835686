"""Putting notifications in the outbox: which event, on which channels, exactly once.

Each function writes its rows in the caller's transaction (or its own) and queues their
delivery once committed: a state change and its notifications are committed together, and a
channel that is down delays the notification, never the change.
"""

import datetime
import logging

from django.db import connections, router, transaction
from django.utils import timezone
from django_q.models import Schedule
from django_q.tasks import async_task, schedule

from citizen_space.models import (
    ActionRequest,
    Message,
    NotificationPreference,
    StatusChange,
    Submission,
)
from citizen_space.selectors import notification_preferences
from citizen_space.workflow import Role, Status
from commune_sites.models import Collectivity

from . import app_settings
from .models import Notification, PushWebhook

logger = logging.getLogger(__name__)

DELIVER_TASK = "citizen_space.notifications.tasks.deliver_notification"
REMINDER_TASK = "citizen_space.notifications.tasks.remind_action_request"

Event = Notification.Event
Channel = Notification.Channel

# The citizen's choice (`NotificationPreference`) that governs each event's email; the
# acknowledgement of receipt is always sent.
_PREFERENCE = {
    Event.STATUS_CHANGED: NotificationPreference.Event.STATUS_CHANGED,
    Event.ACTION_REQUESTED: NotificationPreference.Event.ACTION_REQUESTED,
    Event.ACTION_REMINDER: NotificationPreference.Event.ACTION_REQUESTED,
    Event.MESSAGE_RECEIVED: NotificationPreference.Event.MESSAGE_RECEIVED,
}


def notification_queue(
    *, event: str, submission: Submission, about: str, data: dict | None = None
) -> list[Notification]:
    """Put `event` on `submission` in the outbox, once per channel the citizen gets it on.

    `about` names what it tells about ("status:12"), so that the same event about the same
    thing is never queued twice. The email goes when the request has a citizen with an
    address who did not turn this kind of email off; the push when the request's collectivity
    has an active webhook. The rows of all channels are written in one statement (all or
    none, with the caller's change); returns those created now, whose delivery is queued
    once committed.
    """
    notifications = [
        Notification(
            key=f"{event}:{about}:{channel}",
            event=event,
            channel=channel,
            submission=submission,
            data=data or {},
        )
        for channel in _channels(event, submission)
    ]
    created = _insert_new(notifications) if notifications else []
    for notification in created:
        transaction.on_commit(
            lambda pk=notification.pk: notification_enqueue(notification_id=pk), robust=True
        )
    return created


def _insert_new(notifications: list[Notification]) -> list[Notification]:
    """Insert the rows whose key is not taken yet, and return those inserted.

    One `INSERT ... ON CONFLICT (key) DO NOTHING RETURNING key`: RETURNING gives only the
    rows really inserted, which `bulk_create(ignore_conflicts=True)` does not tell. Raw SQL,
    with each value prepared by its field for the connection; PostgreSQL, and SQLite >= 3.35.
    """
    connection = connections[router.db_for_write(Notification)]
    fields = [field for field in Notification._meta.concrete_fields if not field.generated]
    quote = connection.ops.quote_name
    key = quote(Notification._meta.get_field("key").column)
    row = f"({', '.join(['%s'] * len(fields))})"
    sql = (
        f"INSERT INTO {quote(Notification._meta.db_table)} "
        f"({', '.join(quote(field.column) for field in fields)}) "
        f"VALUES {', '.join([row] * len(notifications))} "
        f"ON CONFLICT ({key}) DO NOTHING RETURNING {key}"
    )
    params = [
        field.get_db_prep_save(field.pre_save(notification, add=True), connection)
        for notification in notifications
        for field in fields
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        inserted = {key for (key,) in cursor.fetchall()}
    created = [notification for notification in notifications if notification.key in inserted]
    for notification in created:
        notification._state.adding, notification._state.db = False, connection.alias
    return created


def notification_enqueue(*, notification_id) -> None:
    """Hand the delivery to a django-q2 worker."""
    async_task(DELIVER_TASK, str(notification_id), task_name=f"notification-{notification_id}")


def _channels(event: str, submission: Submission) -> list[str]:
    channels = []
    user = submission.user
    if user is not None and user.email:
        preference = _PREFERENCE.get(event)
        if preference is None or notification_preferences(user)[preference]:
            channels.append(Channel.EMAIL)
    if _push_active(submission):
        channels.append(Channel.PUSH)
    return channels


def _push_active(submission: Submission) -> bool:
    """The request's collectivity has an active webhook: read from the collectivity's loaded
    `push_webhook` when the caller selected it with the request, else queried."""
    if Submission.collectivity.is_cached(submission) and Collectivity.push_webhook.is_cached(
        submission.collectivity
    ):
        webhook = getattr(submission.collectivity, "push_webhook", None)  # None: no webhook
        return webhook is not None and webhook.active
    return PushWebhook.objects.filter(
        collectivity_id=submission.collectivity_id, active=True
    ).exists()


def notify_status_change(*, change: StatusChange) -> list[Notification]:
    """The acknowledgement of a sent request, or the news of its new status.

    Not notified: entering "action required" (the action request's own notification tells
    it) and the changes the citizen makes themself (answering the last action request).
    """
    submission = change.submission
    if change.to_status == Status.SUBMITTED:
        return notification_queue(
            event=Event.ACKNOWLEDGEMENT,
            submission=submission,
            about=f"request:{submission.pk}",
            data={"status": change.to_status},
        )
    if change.to_status == Status.ACTION_REQUIRED or change.role == Role.CITIZEN:
        return []
    return notification_queue(
        event=Event.STATUS_CHANGED,
        submission=submission,
        about=f"status:{change.pk}",
        data={"status": change.to_status, "status_change": change.pk},
    )


def notify_action_requested(*, action_request_id: int) -> list[Notification]:
    """Tell the citizen what is asked of them, and plan the reminder before the due date."""
    action_request = ActionRequest.objects.select_related("submission").get(pk=action_request_id)
    with transaction.atomic():
        created = notification_queue(
            event=Event.ACTION_REQUESTED,
            submission=action_request.submission,
            about=f"action:{action_request.pk}",
            data=_action_data(action_request),
        )
        reminder_schedule(action_request=action_request)
    return created


def notify_message_posted(*, message_id: int) -> list[Notification]:
    """Tell the citizen that the town hall wrote to them (not what: they read it in their space)."""
    message = Message.objects.select_related("submission").get(pk=message_id)
    if message.from_citizen:
        return []
    return notification_queue(
        event=Event.MESSAGE_RECEIVED,
        submission=message.submission,
        about=f"message:{message.pk}",
        data={"status": message.submission.status, "message": message.pk},
    )


def reminder_at(due_date: datetime.date) -> datetime.datetime:
    """When the reminder of an action request due on `due_date` is sent."""
    day = due_date - datetime.timedelta(days=app_settings.reminder_days_before())
    moment = datetime.datetime.combine(day, datetime.time(app_settings.reminder_hour()))
    return timezone.make_aware(moment)


def reminder_schedule(*, action_request: ActionRequest) -> Schedule | None:
    """Plan the one reminder of an open action request (a django-q2 schedule run once).

    None when the reminder's time has already passed (a due date too close), or when it is
    planned already.
    """
    name = f"action-reminder-{action_request.pk}"
    run_at = reminder_at(action_request.due_date)
    if run_at <= timezone.now() or Schedule.objects.filter(name=name).exists():
        return None
    return schedule(
        REMINDER_TASK,
        action_request.pk,
        name=name,
        schedule_type=Schedule.ONCE,
        next_run=run_at,
    )


def notify_action_reminder(*, action_request_id: int) -> list[Notification]:
    """Remind the citizen of an action request still open (once: its key is the request's)."""
    action_request = (
        ActionRequest.objects.select_related("submission").filter(pk=action_request_id).first()
    )
    if action_request is None or not action_request.is_open:
        logger.info("Reminder of action request %s skipped: not open.", action_request_id)
        return []
    return notification_queue(
        event=Event.ACTION_REMINDER,
        submission=action_request.submission,
        about=f"action:{action_request.pk}",
        data=_action_data(action_request),
    )


def _action_data(action_request: ActionRequest) -> dict:
    return {
        "status": action_request.submission.status,
        "action_request": action_request.pk,
        "due_date": action_request.due_date.isoformat(),
    }
