"""Collectivities: communes and intercommunalities, each with its own Wagtail Site."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .normalize import normalize_name


class Collectivity(models.Model):
    """A commune or an intercommunality (communauté de communes) that offers procedures."""

    class Kind(models.TextChoices):
        COMMUNE = "commune", _("Commune")
        INTERCOMMUNALITY = "intercommunality", _("Intercommunality")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    name = models.CharField(_("name"), max_length=150)
    slug = models.SlugField(
        _("slug"),
        max_length=63,
        unique=True,
        help_text=_("Used in the portal address: <slug>.<portal domain>."),
        error_messages={"unique": _("A collectivity already uses this slug.")},
    )
    code = models.CharField(
        _("official code"),
        max_length=9,
        unique=True,
        help_text=_("INSEE code (5 characters) for a commune, SIREN (9 digits) otherwise."),
        error_messages={"unique": _("A collectivity with this official code already exists.")},
    )
    postal_codes = models.CharField(
        _("postal codes"),
        max_length=200,
        blank=True,
        help_text=_("Separated by spaces or commas, for example: 42000 42100"),
    )
    intercommunality = models.ForeignKey(
        "self",
        verbose_name=_("intercommunality"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="members",
        limit_choices_to={"kind": "intercommunality"},
    )
    address = models.TextField(_("address"), blank=True)
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)
    website = models.URLField(_("website"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    site = models.OneToOneField(
        "wagtailcore.Site",
        verbose_name=_("site"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="collectivity",
    )
    editors_group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("editors group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="edited_collectivity",
    )
    agents_group = models.OneToOneField(
        "auth.Group",
        verbose_name=_("agents group"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="served_collectivity",
    )
    custom_hostname = models.CharField(
        _("custom hostname"),
        max_length=255,
        blank=True,
        help_text=_("Optional, for example demarches.ma-commune.fr"),
    )
    search_name = models.CharField(max_length=150, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("collectivity")
        verbose_name_plural = _("collectivities")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Denormalised search key (accents, hyphens, "St"/"Saint" folded); an invariant of name.
        self.search_name = normalize_name(self.name)
        super().save(*args, **kwargs)

    @property
    def is_commune(self) -> bool:
        return self.kind == self.Kind.COMMUNE

    @property
    def postal_code_list(self) -> list[str]:
        return self.postal_codes.replace(",", " ").split()
