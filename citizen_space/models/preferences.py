"""Which emails a citizen wants to receive, by kind of event."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class NotificationPreference(models.Model):
    """Email on or off for one kind of event; a kind without a row means "on"."""

    class Event(models.TextChoices):
        STATUS_CHANGED = "status_changed", _("The status of one of my requests changes")
        ACTION_REQUESTED = "action_requested", _("The town hall asks me for something")
        MESSAGE_RECEIVED = "message_received", _("I receive a message about a request")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("citizen"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    event = models.CharField(_("event"), max_length=30, choices=Event.choices)
    email = models.BooleanField(_("by email"), default=True)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "event"], name="citizen_space_pref_per_event")
        ]

    def __str__(self):
        return f"{self.user_id} {self.event}: {'on' if self.email else 'off'}"
