"""The outbox of notifications, and the push webhook each collectivity may configure."""

import secrets
import uuid

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    """One message to deliver on one channel: a row of the outbox.

    Written in the transaction of the change it tells about (`outbox`), then delivered by the
    django-q2 task `tasks.deliver_notification` (`delivery`), which retries with a backoff
    while the channel is down. `key` makes each notification exist once; its `id` is the
    delivery id the webhook receivers see.
    """

    class Event(models.TextChoices):
        ACKNOWLEDGEMENT = "acknowledgement", _("Acknowledgement of receipt")
        STATUS_CHANGED = "status_changed", _("Status changed")
        ACTION_REQUESTED = "action_requested", _("Action requested")
        ACTION_REMINDER = "action_reminder", _("Reminder of an action to do")
        MESSAGE_RECEIVED = "message_received", _("Message received")

    class Channel(models.TextChoices):
        EMAIL = "email", _("Email")
        PUSH = "push", _("Mobile app (push)")

    class State(models.TextChoices):
        PENDING = "pending", _("To send")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Given up")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    key = models.CharField(_("key"), max_length=200, unique=True)
    event = models.CharField(_("event"), max_length=30, choices=Event.choices)
    channel = models.CharField(_("channel"), max_length=10, choices=Channel.choices)
    submission = models.ForeignKey(
        "citizen_space.Submission",
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    data = models.JSONField(
        _("data"),
        default=dict,
        blank=True,
        help_text=_("Ids and status of what it tells about; never the request's answers."),
    )
    state = models.CharField(
        _("state"), max_length=10, choices=State.choices, default=State.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    next_attempt_at = models.DateTimeField(_("next attempt at"), default=timezone.now)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    last_error = models.TextField(_("last error"), blank=True)
    created_at = models.DateTimeField(_("created at"), default=timezone.now)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["created_at"]
        indexes = [
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(state="pending"),
                name="notifications_pending_due",
            ),
            models.Index(fields=["submission", "created_at"]),
        ]

    def __str__(self):
        return self.key


def new_secret() -> str:
    return secrets.token_urlsafe(32)


class PushWebhook(models.Model):
    """Where a collectivity's mobile app backend receives the events of its requests.

    Each event is a JSON document POSTed to `url`, signed with HMAC-SHA256 and `secret`
    (see `webhooks`); it names the request and its status, never the answers.
    """

    collectivity = models.OneToOneField(
        "commune_sites.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.CASCADE,
        related_name="push_webhook",
    )
    url = models.URLField(_("address"), max_length=500, help_text=_("HTTPS address of the app."))
    secret = models.CharField(
        _("signing secret"),
        max_length=200,
        default=new_secret,
        help_text=_("Shared with the app, which checks the X-Portal-Signature header with it."),
    )
    active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("push webhook")
        verbose_name_plural = _("push webhooks")

    def __str__(self):
        return f"{self.collectivity} → {self.url}"
