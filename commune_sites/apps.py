from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommuneSitesConfig(AppConfig):
    name = "commune_sites"
    verbose_name = _("Collectivities")

    def ready(self):
        from . import receivers

        receivers.connect()
