"""Client applications of Open311 and the requests they filed."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Open311Client(models.Model):
    """A reporting application that a collectivity allows to file incident reports.

    Only a hash of its API key is kept: the key is shown once, when it is issued
    (`manage.py open311_issue_key`). The requests it files belong to its own account, which
    cannot sign in: agents see which application filed them, and the status history records it.
    """

    collectivity = models.ForeignKey(
        "commune_sites.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.CASCADE,
        related_name="open311_clients",
    )
    name = models.CharField(_("name"), max_length=100)
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("account"),
        on_delete=models.PROTECT,
        editable=False,
        related_name="open311_client",
    )
    key_prefix = models.CharField(
        _("start of the key"), max_length=12, editable=False, help_text=_("To recognise it.")
    )
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used at"), null=True, editable=False)

    class Meta:
        verbose_name = _("Open311 client")
        verbose_name_plural = _("Open311 clients")
        ordering = ["collectivity", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["collectivity", "name"], name="open311_client_name_per_collectivity"
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.key_prefix}…)"


class Open311Request(models.Model):
    """A request filed through Open311: which client filed it. The request itself is a
    `citizen_space.Submission` like any other."""

    submission = models.OneToOneField(
        "citizen_space.Submission",
        verbose_name=_("request"),
        on_delete=models.CASCADE,
        related_name="open311",
    )
    client = models.ForeignKey(
        Open311Client,
        verbose_name=_("client"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="requests",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("request filed through Open311")
        verbose_name_plural = _("requests filed through Open311")

    def __str__(self):
        return str(self.submission)
