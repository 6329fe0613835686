"""A citizen's request to a collectivity: a draft while being filled in, then submitted."""

from django.conf import settings
from django.contrib.postgres.indexes import GinIndex, OpClass
from django.db import models
from django.db.models.functions import Upper
from django.utils.translation import gettext_lazy as _

from ..workflow import Status


class Submission(models.Model):
    """A request (demande) and, before it is submitted, its draft.

    `form_snapshot` is the copy of the procedure's form taken when the draft was started: the
    request is always read against the form it answered, whatever editors change later. Only
    `citizen_space.services.status.submission_transition` writes `status`.
    """

    Status = Status

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("citizen"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="submissions",
    )
    collectivity = models.ForeignKey(
        "commune_sites.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.PROTECT,
        related_name="submissions",
        help_text=_("The collectivity that owns the procedure and processes the request."),
    )
    procedure = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("procedure"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    procedure_title = models.CharField(_("procedure"), max_length=255)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.DRAFT, editable=False
    )
    reference = models.CharField(_("reference"), max_length=32, blank=True, editable=False)
    language = models.CharField(_("language"), max_length=10, default=settings.LANGUAGE_CODE)
    form_snapshot = models.JSONField(_("form"), editable=False)
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    steps_done = models.PositiveSmallIntegerField(
        _("steps done"), default=0, help_text=_("How many steps, from the first, are valid.")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)
    submitted_at = models.DateTimeField(_("submitted at"), null=True, blank=True, editable=False)
    applicant_name = models.CharField(
        _("applicant"),
        max_length=300,
        blank=True,
        editable=False,
        help_text=_("The name given in the answers, when the request was sent (agents search it)."),
    )
    decided_at = models.DateTimeField(
        _("decided at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("When the request was accepted, rejected or closed; empty while it is open."),
    )
    processing_time = models.DurationField(
        _("processing time"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("From sending to decision; kept after anonymisation, for the statistics."),
    )
    anonymized_at = models.DateTimeField(_("anonymised at"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("request")
        verbose_name_plural = _("requests")
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["collectivity", "reference"],
                condition=~models.Q(reference=""),
                name="citizen_space_reference_per_collectivity",
            ),
            models.UniqueConstraint(
                fields=["user", "procedure"],
                condition=models.Q(status=Status.DRAFT),
                name="citizen_space_one_draft_per_procedure",
            ),
            models.CheckConstraint(
                condition=models.Q(status=Status.DRAFT)
                | (~models.Q(reference="") & models.Q(submitted_at__isnull=False)),
                name="citizen_space_submitted_has_reference",
            ),
        ]
        indexes = [
            models.Index(fields=["user", "status"]),
            # The agents' inbox: a collectivity's sent requests, newest first, by status.
            models.Index(
                fields=["collectivity", "-submitted_at"],
                condition=~models.Q(status=Status.DRAFT),
                name="citizen_space_inbox_sent",
            ),
            models.Index(
                fields=["collectivity", "status", "-submitted_at"],
                name="citizen_space_inbox_status",
            ),
            models.Index(
                fields=["collectivity", "-updated_at"],
                condition=~models.Q(status=Status.DRAFT),
                name="citizen_space_inbox_changed",
            ),
            # The inbox's search by name or reference (`icontains`: UPPER(…) LIKE '%…%').
            GinIndex(
                OpClass(Upper("applicant_name"), name="gin_trgm_ops"),
                OpClass(Upper("reference"), name="gin_trgm_ops"),
                name="citizen_space_inbox_search",
            ),
        ]

    def __str__(self):
        return self.reference or f"{self.procedure_title} ({self.get_status_display()})"

    @property
    def is_draft(self) -> bool:
        return self.status == Status.DRAFT

    @property
    def steps(self) -> list[dict]:
        return self.form_snapshot.get("steps", [])

    @property
    def is_complete(self) -> bool:
        """Every step of the form has been validated: the summary can be shown."""
        return self.steps_done >= len(self.steps)
