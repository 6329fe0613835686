"""A citizen's consent to a collectivity reading their profile, and the record of each change."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Consent(models.Model):
    """A period during which `collectivity` may read `user`'s profile (active while
    `withdrawn_at` is empty). A new grant after a withdrawal opens a new row.

    Only `citizen_space.services.consent` writes it, with a `ConsentEvent` each time.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("citizen"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    collectivity = models.ForeignKey(
        "commune_sites.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.CASCADE,
        related_name="consents",
    )
    granted_at = models.DateTimeField(_("granted at"))
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)

    class Meta:
        verbose_name = _("consent")
        verbose_name_plural = _("consents")
        ordering = ["-granted_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "collectivity"],
                condition=models.Q(withdrawn_at__isnull=True),
                name="citizen_space_one_active_consent",
            )
        ]

    def __str__(self):
        return f"{self.user_id} → {self.collectivity_id} ({self.granted_at:%Y-%m-%d})"

    @property
    def is_active(self) -> bool:
        return self.withdrawn_at is None


class ConsentEvent(models.Model):
    """One grant or withdrawal of a consent, as it happened: rows are only ever added."""

    class Kind(models.TextChoices):
        GRANTED = "granted", _("Granted")
        WITHDRAWN = "withdrawn", _("Withdrawn")

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("citizen"),
        on_delete=models.CASCADE,
        related_name="consent_events",
    )
    collectivity = models.ForeignKey(
        "commune_sites.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    fields = models.JSONField(
        _("profile data"),
        default=list,
        blank=True,
        help_text=_("The profile data the collectivity was allowed to read, as shown."),
    )
    created_at = models.DateTimeField(_("at"), auto_now_add=True)

    class Meta:
        verbose_name = _("consent event")
        verbose_name_plural = _("consent events")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.kind} {self.user_id} → {self.collectivity_id}"
