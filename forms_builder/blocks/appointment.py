"""The appointment block: the citizen picks a free slot in one of the collectivity's agendas."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from forms_builder.slot_sources import agenda_choices

from .base import InputBlock


class AppointmentBlock(InputBlock):
    """A slot of an agenda, held while the citizen finishes the form and booked when it is sent.

    Stores the agenda's id only; the agendas come from the registered slot source.
    """

    kind = "appointment"
    agenda = blocks.ChoiceBlock(
        choices=agenda_choices,
        label=_("Agenda"),
        help_text=_("The service and place of the appointment."),
    )
    application_ids = blocks.BooleanBlock(
        required=False,
        default=False,
        label=_("Ask for the ANTS pre-application number of each person"),
        help_text=_(
            "For passports and identity cards: the numbers are checked with the national "
            "agency and the appointment is declared to it."
        ),
    )

    class Meta:
        icon = "date"
        label = _("Appointment")
        description = _(
            "The citizen picks a free slot in an agenda; it is booked when the request is sent."
        )
        preview_value = {"label": _("Your appointment")}

    def definition(self, value) -> dict:
        agenda = value["agenda"]
        return {
            **super().definition(value),
            "agenda": int(agenda) if agenda else None,
            "application_ids": bool(value["application_ids"]),
        }
