"""Messages exchanged between a citizen and the collectivity about one request."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Message(models.Model):
    """One message on a request; its attachments are `Upload` rows pointing to it.

    `author` is kept empty once their account is gone; `from_citizen` still tells the side.
    Written by `citizen_space.services.conversation.message_post` only.
    """

    submission = models.ForeignKey(
        "citizen_space.Submission",
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="messages",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_citizen = models.BooleanField(_("from the citizen"))
    body = models.TextField(_("message"))
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["submission", "created_at"])]

    def __str__(self):
        return f"{self.submission_id}: {self.body[:40]}"
