from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgendasConfig(AppConfig):
    name = "commune_sites.agendas"
    label = "agendas"
    verbose_name = _("Appointment agendas")
