"""What agents add to requests: assignment, internal notes, and the log of their consultations."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from citizen_space.models import Submission


class ReceivedRequest(Submission):
    """A request as its collectivity's agents see it: the inbox's model and the holder of the
    back office's permissions (given to agents groups, see `apps.BackofficeConfig`)."""

    class Meta:
        proxy = True
        verbose_name = _("received request")
        verbose_name_plural = _("received requests")
        default_permissions = ()
        permissions = [
            ("process_requests", _("Can process the requests of their collectivities")),
            ("export_requests", _("Can export the requests of their collectivities")),
            ("reopen_requests", _("Can reopen the decided requests of their collectivities")),
        ]


class Assignment(models.Model):
    """The agent in charge of a request (one at a time)."""

    submission = models.OneToOneField(
        "citizen_space.Submission",
        verbose_name=_("request"),
        primary_key=True,
        on_delete=models.CASCADE,
        related_name="assignment",
    )
    agent = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("agent"),
        on_delete=models.CASCADE,
        related_name="assignments",
    )
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    assigned_at = models.DateTimeField(_("assigned at"), default=timezone.now)

    class Meta:
        verbose_name = _("assignment")
        verbose_name_plural = _("assignments")

    def __str__(self):
        return f"{self.submission_id} → {self.agent_id}"


class InternalNote(models.Model):
    """A note that agents leave on a request for each other; never shown to the citizen."""

    submission = models.ForeignKey(
        "citizen_space.Submission",
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="internal_notes",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = models.TextField(_("note"))
    created_at = models.DateTimeField(_("written at"), default=timezone.now)

    class Meta:
        verbose_name = _("internal note")
        verbose_name_plural = _("internal notes")
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["submission", "created_at"])]

    def __str__(self):
        return f"{self.submission_id}: {self.body[:40]}"


class Consultation(models.Model):
    """One time a member of staff saw a request, one of its files, or exported it.

    The citizen sees which collectivity consulted their request and when (not who).
    """

    class Kind(models.TextChoices):
        DETAIL = "detail", _("Request page")
        FILE = "file", _("File")
        EXPORT = "export", _("Export")

    submission = models.ForeignKey(
        "citizen_space.Submission",
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="consultations",
    )
    collectivity = models.ForeignKey(
        "commune_sites.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    kind = models.CharField(_("what"), max_length=10, choices=Kind.choices)
    at = models.DateTimeField(_("at"), default=timezone.now)

    class Meta:
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["submission", "-at"])]

    def __str__(self):
        return f"{self.submission_id} {self.kind} {self.at:%Y-%m-%d %H:%M}"
