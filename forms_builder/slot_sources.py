"""Where the appointment block finds agendas and their free slots: a registry.

forms_builder knows nothing of agendas. The app that owns them registers one *slot source* in
its `AppConfig.ready` (``register_slot_source(provider)``; `citizen_space.appointments` does);
the appointment block stores an agenda id and asks the source for the choices offered to
editors and for the free slots shown to citizens. Without a source, no agenda can be chosen and
no slot is offered.
"""

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol


class FreeSlot(Protocol):
    start: datetime  # aware
    end: datetime


class SlotSource(Protocol):
    def agenda_choices(self) -> list[tuple[str, str]]:
        """(agenda id as text, label) of every agenda a form may offer, for editors."""

    def bookable_days(self, *, agenda_id: int) -> tuple[date, date] | None:
        """The first and last days on which a citizen may book now; None if none."""

    def free_slots(self, *, agenda_id: int, start_date: date, end_date: date) -> Sequence[FreeSlot]:
        """The free slots from `start_date` to `end_date` (included), in time order."""


_source: SlotSource | None = None


def register_slot_source(provider: SlotSource) -> None:
    """Make `provider` the source of agendas and slots (the last registration wins)."""
    global _source
    _source = provider


def slot_source() -> SlotSource | None:
    return _source


def agenda_choices() -> list[tuple[str, str]]:
    """The agendas an editor may choose (the appointment block's callable choices)."""
    return _source.agenda_choices() if _source else []
