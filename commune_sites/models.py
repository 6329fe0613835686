"""Collectivities: communes and intercommunalities, each with its own Wagtail Site."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from .normalize import normalize_name
from .retention import (
    RETENTION_MONTHS_DEFAULT,
    RETENTION_MONTHS_MAX,
    RETENTION_MONTHS_MIN,
    validate_retention_months,
)
from .validators import (
    split_postal_codes,
    validate_host_label,
    validate_hostname,
    validate_insee_code,
    validate_postal_codes,
    validate_siren,
)


class LowercaseCharField(models.CharField):
    """Stripped and lowercased before validation (host names)."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.strip().lower() if value else value


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
        validators=[validate_host_label],
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
        validators=[validate_postal_codes],
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
    custom_hostname = LowercaseCharField(
        _("custom hostname"),
        max_length=255,
        blank=True,
        validators=[validate_hostname],
        help_text=_(
            "Optional, for example demarches.ma-commune.fr; it replaces <slug>.<portal domain> "
            "and must also be listed in the ALLOWED_HOSTS setting."
        ),
    )
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("image and document collection"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="collectivity",
    )
    retention_months = models.PositiveSmallIntegerField(
        _("retention period of requests (months)"),
        default=RETENTION_MONTHS_DEFAULT,
        validators=[validate_retention_months],
        help_text=_(
            "How long a request is kept after it is closed; then it is anonymised. "
            "A procedure may set its own period."
        ),
    )
    search_name = models.CharField(max_length=150, editable=False, db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("collectivity")
        verbose_name_plural = _("collectivities")
        ordering = ["name"]
        permissions = [
            (
                "change_retention",
                _("Can change the retention period of the requests of their collectivities"),
            )
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    retention_months__range=(RETENTION_MONTHS_MIN, RETENTION_MONTHS_MAX)
                ),
                name="commune_sites_retention_within_bounds",
            )
        ]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        # Denormalised search key (accents, hyphens, "St"/"Saint" folded); an invariant of name.
        self.search_name = normalize_name(self.name)
        super().save(*args, **kwargs)

    def clean(self):
        """Rules across fields: the code's kind, membership of an intercommunality."""
        self.code = self.code.strip().upper()
        self.postal_codes = " ".join(split_postal_codes(self.postal_codes))
        errors = {}
        validate_code = validate_insee_code if self.is_commune else validate_siren
        if self.kind in self.Kind.values and self.code:
            try:
                validate_code(self.code)
            except ValidationError as error:
                errors["code"] = error.error_list
        if self.intercommunality_id:
            if not self.is_commune:
                errors["intercommunality"] = _(
                    "An intercommunality cannot belong to another intercommunality."
                )
            elif self.intercommunality.kind != self.Kind.INTERCOMMUNALITY:
                errors["intercommunality"] = _(
                    "“%(name)s” is a commune, not an intercommunality."
                ) % {"name": self.intercommunality.name}
        portal = settings.PORTAL_HOSTNAME
        if self.custom_hostname == portal or self.custom_hostname.endswith("." + portal):
            errors["custom_hostname"] = _(
                "Addresses under %(portal)s are made from the slug: change the slug instead."
            ) % {"portal": portal}
        elif self.custom_hostname and self._custom_hostname_taken():
            errors["custom_hostname"] = _("Another site already uses this host name.")
        if errors:
            raise ValidationError(errors)

    @property
    def is_commune(self) -> bool:
        return self.kind == self.Kind.COMMUNE

    @property
    def postal_code_list(self) -> list[str]:
        return split_postal_codes(self.postal_codes)

    def _custom_hostname_taken(self) -> bool:
        others = Collectivity.objects.exclude(pk=self.pk)
        return (
            others.filter(custom_hostname=self.custom_hostname).exists()
            or Site.objects.filter(hostname=self.custom_hostname).exclude(pk=self.site_id).exists()
        )
