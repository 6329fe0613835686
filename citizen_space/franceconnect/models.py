"""Which collectivities offer FranceConnect, and with which client credentials."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class FranceConnectEnrolment(models.Model):
    """A collectivity's registration with FranceConnect: its portal shows the button.

    The credentials are an allauth SocialApp of provider "franceconnect" (client id, secret and
    `settings` such as `base_url`); several collectivities may share one, for instance the
    members of an intercommunality registered together.
    """

    collectivity = models.OneToOneField(
        "commune_sites.Collectivity",
        verbose_name=_("collectivity"),
        on_delete=models.CASCADE,
        related_name="franceconnect_enrolment",
    )
    social_app = models.ForeignKey(
        "socialaccount.SocialApp",
        verbose_name=_("FranceConnect client"),
        on_delete=models.CASCADE,
        related_name="franceconnect_enrolments",
        limit_choices_to={"provider": "franceconnect"},
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("FranceConnect enrolment")
        verbose_name_plural = _("FranceConnect enrolments")

    def __str__(self):
        return str(self.collectivity)
