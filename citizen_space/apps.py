from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CitizenSpaceConfig(AppConfig):
    name = "citizen_space"
    verbose_name = _("Citizen space")

    def ready(self):
        # A FranceConnect sign-in fills and locks the profile's identity fields.
        from . import receivers  # noqa: F401
