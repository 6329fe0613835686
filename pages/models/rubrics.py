"""Rubrics: the themes that group a collectivity's procedures (État civil, Urbanisme…)."""

from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.models import TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from ..icons import Icon


class Rubric(TranslatableMixin, models.Model):
    """A theme of procedures, owned by one collectivity.

    The slug is shared by convention between collectivities (the default rubrics have the same
    slugs everywhere): a commune's catalogue filters its intercommunality's procedures by slug.
    """

    collectivity = models.ForeignKey(
        "commune_sites.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.CASCADE,
        related_name="rubrics",
    )
    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"),
        max_length=80,
        blank=True,
        help_text=_(
            "Used in the catalogue address. Left empty, it is made from the name. Use the same "
            "slug as your intercommunality for the same theme."
        ),
    )
    description = models.CharField(_("short description"), max_length=200, blank=True)
    icon = models.CharField(_("icon"), max_length=20, choices=Icon.choices, default=Icon.DOCUMENT)
    sort_order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Rubrics are shown by increasing order.")
    )

    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug", overridable=False),
        SynchronizedField("icon"),
        SynchronizedField("sort_order"),
        SynchronizedField("collectivity", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("rubric")
        verbose_name_plural = _("rubrics")
        ordering = ["sort_order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["collectivity", "locale", "name"],
                name="pages_rubric_unique_name",
                violation_error_message=_("This collectivity already has a rubric of this name."),
            ),
            models.UniqueConstraint(
                fields=["collectivity", "locale", "slug"],
                name="pages_rubric_unique_slug",
                violation_error_message=_("This collectivity already has a rubric with this slug."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        # Before the unique checks of full_clean(), which run after clean().
        if self.locale_id is None:
            self.locale = self.get_default_locale()
        if not self.slug:
            self.slug = slugify(self.name)[:80]
