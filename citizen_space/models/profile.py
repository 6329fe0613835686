"""The citizen's pre-registered data, used to prefill request forms."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CitizenProfile(models.Model):
    """One per account: identity, phone and postal address the citizen chose to keep."""

    # Filled from FranceConnect and then read-only (see `identity_certified_at`).
    IDENTITY_FIELDS = ("civility", "first_name", "last_name", "birth_date", "birth_place")

    class Civility(models.TextChoices):
        MADAM = "mme", _("Madam")
        SIR = "m", _("Sir")

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="citizen_profile",
    )
    civility = models.CharField(_("civility"), max_length=3, choices=Civility.choices, blank=True)
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    birth_place = models.CharField(_("place of birth"), max_length=150, blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    street = models.CharField(_("street address"), max_length=255, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=10, blank=True)
    city = models.CharField(_("city"), max_length=150, blank=True)
    identity_certified_at = models.DateTimeField(
        _("identity certified at"),
        null=True,
        blank=True,
        help_text=_("Set when FranceConnect filled the identity fields, which are then locked."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("citizen profile")
        verbose_name_plural = _("citizen profiles")

    def __str__(self):
        return self.full_name or str(self.user)

    @property
    def identity_certified(self) -> bool:
        return self.identity_certified_at is not None

    @property
    def full_name(self) -> str:
        return " ".join(part for part in (self.first_name, self.last_name) if part)
