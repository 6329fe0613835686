"""The slot source of the appointment block (see `forms_builder.slot_sources`): the agendas."""

from datetime import date

from django.utils import timezone

from commune_sites.agendas.models import Agenda
from commune_sites.agendas.selectors import free_slots
from commune_sites.agendas.slots import Slot, earliest_start, last_bookable_day, portal_timezone


class AgendaSlotSource:
    """Agendas of `commune_sites.agendas`, their bookable days and their free slots."""

    def agenda_choices(self) -> list[tuple[str, str]]:
        agendas = Agenda.objects.select_related("collectivity").order_by(
            "collectivity__name", "name"
        )
        return [
            (str(agenda.pk), f"{agenda.collectivity.name} – {agenda.name} ({agenda.place})")
            for agenda in agendas
        ]

    def bookable_days(self, *, agenda_id: int) -> tuple[date, date] | None:
        agenda = Agenda.objects.filter(pk=agenda_id, active=True).first()
        if agenda is None:
            return None
        now = timezone.now()
        first = earliest_start(agenda, now).astimezone(portal_timezone()).date()
        last = last_bookable_day(agenda, now)
        return (first, last) if first <= last else None

    def free_slots(self, *, agenda_id: int, start_date: date, end_date: date) -> list[Slot]:
        agenda = Agenda.objects.prefetch_related("opening_hours").filter(pk=agenda_id).first()
        if agenda is None:
            return []
        return free_slots(agenda=agenda, start_date=start_date, end_date=end_date)
