"""Counters behind the human references of requests (one row per collectivity and year)."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ReferenceCounter(models.Model):
    """The last number given to a request of `collectivity` in `year`.

    Only `citizen_space.services.references` writes it, with one atomic upsert.
    """

    collectivity = models.ForeignKey(
        "commune_sites.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.CASCADE,
        related_name="+",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    last_value = models.PositiveIntegerField(_("last value"), default=0)

    class Meta:
        verbose_name = _("reference counter")
        verbose_name_plural = _("reference counters")
        constraints = [
            models.UniqueConstraint(
                fields=["collectivity", "year"], name="citizen_space_counter_per_year"
            )
        ]

    def __str__(self):
        return f"{self.collectivity_id}/{self.year}: {self.last_value}"
