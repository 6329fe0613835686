from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FranceConnectConfig(AppConfig):
    name = "citizen_space.franceconnect"
    label = "franceconnect"
    verbose_name = _("FranceConnect")

    def ready(self):
        # Keeps the ID token in the session at sign-in, for logging out of FranceConnect.
        from . import receivers  # noqa: F401
