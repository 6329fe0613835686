"""The demo's agendas: passports and identity cards at Voiron's town hall, also offered on the
national search site of the ANTS (a meeting point)."""

from collections import Counter
from dataclasses import dataclass
from datetime import time
from decimal import Decimal

from citizen_space.appointments.models import MeetingPoint
from commune_sites.agendas.models import Agenda, OpeningHours
from commune_sites.models import Collectivity

WEEKDAYS = range(5)


@dataclass(frozen=True)
class DemoAgenda:
    collectivity: str  # slug
    name: str
    service: str
    place: str
    address: str
    slot_minutes: int
    hours: tuple[tuple[str, str], ...]  # every weekday, Monday to Friday


PASSPORT_AGENDA = DemoAgenda(
    collectivity="voiron",
    name="Passeport et carte d'identité",
    service="Dépôt d’une demande de passeport ou de carte nationale d’identité",
    place="Hôtel de ville, service État civil",
    address="Place Jacques-Antoine Gau\n38500 Voiron",
    slot_minutes=20,
    hours=(("09:00", "12:00"), ("14:00", "17:00")),
)


def agenda_ensure(demo: DemoAgenda, created: Counter) -> Agenda:
    """The agenda of the demo, with its opening hours, made if missing."""
    collectivity = Collectivity.objects.get(slug=demo.collectivity)
    agenda, made = Agenda.objects.get_or_create(
        collectivity=collectivity,
        name=demo.name,
        defaults={
            "service": demo.service,
            "place": demo.place,
            "address": demo.address,
            "slot_minutes": demo.slot_minutes,
        },
    )
    if made:
        OpeningHours.objects.bulk_create(
            OpeningHours(
                agenda=agenda,
                weekday=weekday,
                start_time=time.fromisoformat(start),
                end_time=time.fromisoformat(end),
            )
            for weekday in WEEKDAYS
            for start, end in demo.hours
        )
        created["agendas"] += 1
    return agenda


def passport_agenda_id() -> int:
    """The id of Voiron's passport agenda, for the appointment question of its form."""
    return Agenda.objects.get(
        collectivity__slug=PASSPORT_AGENDA.collectivity, name=PASSPORT_AGENDA.name
    ).pk


def meeting_point_ensure(agenda: Agenda, procedure_id: int, created: Counter) -> None:
    """Offer the agenda on the ANTS's search site, sending citizens to the procedure."""
    _point, made = MeetingPoint.objects.get_or_create(
        agenda=agenda,
        defaults={
            "procedure_id": procedure_id,
            "name": "Mairie de Voiron",
            "public_entry_address": "Place Jacques-Antoine Gau",
            "zip_code": "38500",
            "city_name": "Voiron",
            "latitude": Decimal("45.364300"),
            "longitude": Decimal("5.589200"),
        },
    )
    if made:
        created["points de rendez-vous ANTS"] += 1
