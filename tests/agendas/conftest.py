"""Fixtures: communes with their groups, agendas built from compact opening hours."""

from datetime import time

import pytest
from django.utils import translation

from commune_sites.agendas.models import Agenda, OpeningHours
from commune_sites.models import Collectivity

from .helpers import WEEKDAY_MORNINGS, make_collectivity


@pytest.fixture
def collectivity(db) -> Collectivity:
    return make_collectivity("Saint-Étienne", "42218")


@pytest.fixture
def other_collectivity(db) -> Collectivity:
    return make_collectivity("Firminy", "42095")


@pytest.fixture
def make_agenda(collectivity):
    """Build an agenda; `hours` maps a weekday (0 is Monday) to ("HH:MM", "HH:MM") ranges."""

    def make(*, hours: dict | None = None, **fields) -> Agenda:
        fields = {
            "collectivity": collectivity,
            "name": "Passeports",
            "service": "Passeport et carte d'identité",
            "place": "Hôtel de ville",
            "slot_minutes": 15,
            "book_min_notice_hours": 0,
            "book_max_days_ahead": 366,
            "cancel_min_notice_hours": 24,
            **fields,
        }
        agenda = Agenda.objects.create(**fields)
        OpeningHours.objects.bulk_create(
            OpeningHours(
                agenda=agenda,
                weekday=weekday,
                start_time=time.fromisoformat(start),
                end_time=time.fromisoformat(end),
            )
            for weekday, ranges in (WEEKDAY_MORNINGS if hours is None else hours).items()
            for start, end in ranges
        )
        return agenda

    return make


@pytest.fixture
def agenda(make_agenda) -> Agenda:
    """Weekday mornings 09:00–12:00, 15-minute slots, one person per slot."""
    return make_agenda()


@pytest.fixture(autouse=True)
def english_messages(settings):
    """Messages and admin pages in the source language."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield
