"""What an agent asks a citizen to do on a request: send a document or some information."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ActionRequest(models.Model):
    """An "action to do" on a request; the citizen's answer files are `Upload` rows pointing to it.

    Written by `citizen_space.services.action_requests` only.
    """

    class Kind(models.TextChoices):
        DOCUMENT = "document", _("Document to send")
        INFORMATION = "information", _("Information to give")

    class Status(models.TextChoices):
        OPEN = "open", _("To do")
        ANSWERED = "answered", _("Answered")
        CANCELLED = "cancelled", _("Cancelled")

    submission = models.ForeignKey(
        "citizen_space.Submission",
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="action_requests",
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("asked by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    explanation = models.TextField(_("what is asked"))
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("asked at"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answer_text = models.TextField(_("answer"), blank=True)

    class Meta:
        verbose_name = _("action request")
        verbose_name_plural = _("action requests")
        ordering = ["due_date", "pk"]
        indexes = [models.Index(fields=["submission", "status"])]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(status="answered") | models.Q(answered_at__isnull=False),
                name="citizen_space_answered_action_has_date",
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} ({self.due_date})"

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.OPEN
