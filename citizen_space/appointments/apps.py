from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AppointmentsConfig(AppConfig):
    name = "citizen_space.appointments"
    label = "appointments"
    verbose_name = _("Appointments")

    def ready(self):
        from forms_builder.slot_sources import register_slot_source

        from .slot_source import AgendaSlotSource

        register_slot_source(AgendaSlotSource())
