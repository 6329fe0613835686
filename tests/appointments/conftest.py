"""Fixtures of the appointment tests: a commune with an agenda open every day, a procedure whose
form asks for a slot, citizens, agents, and a stand-in of ANTS's coordination API."""

import json
import threading
from datetime import time, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone

from citizen_space.services.drafts import draft_start
from commune_sites.agendas.models import Agenda, OpeningHours
from commune_sites.agendas.selectors import free_slots
from commune_sites.services import collectivity_provision
from forms_builder.blocks import FormFieldsBlock
from pages.models import CataloguePage, ProcedurePage

PASSWORD = "a-Long-pass-phrase-42"


@pytest.fixture(autouse=True)
def english(settings):
    """Pages in the source language: outside i18n_patterns, LANGUAGE_CODE decides."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def no_ants(settings):
    """No coordination API unless a test starts the stand-in."""
    settings.ANTS_API_URL = ""
    settings.ANTS_HUB_TOKEN = ""


@pytest.fixture
def commune(db):
    return collectivity_provision(kind="commune", name="Voiron", code="38563", postal_codes="38500")


@pytest.fixture
def other_commune(db):
    return collectivity_provision(
        kind="commune", name="Saint-Laurent-du-Pont", code="38412", postal_codes="38380"
    )


@pytest.fixture
def make_agenda(commune):
    """An agenda open every day from 08:00 to 20:00 (30-minute slots, one person each), so that
    slots are free whatever the time the tests run at."""

    def make(collectivity=commune, **fields) -> Agenda:
        fields = {
            "collectivity": collectivity,
            "name": "Passeports",
            "service": "Passeport et carte d'identité",
            "place": "Hôtel de ville",
            "address": "Place Jacques-Antoine Gau\n38500 Voiron",
            "slot_minutes": 30,
            "book_min_notice_hours": 0,
            "book_max_days_ahead": 30,
            "cancel_min_notice_hours": 24,
            **fields,
        }
        agenda = Agenda.objects.create(**fields)
        OpeningHours.objects.bulk_create(
            OpeningHours(agenda=agenda, weekday=day, start_time=time(8), end_time=time(20))
            for day in range(7)
        )
        return agenda

    return make


@pytest.fixture
def agenda(make_agenda):
    return make_agenda()


def slots_after(agenda, hours: float, count: int = 2) -> list:
    """`count` free slots of the agenda starting at least `hours` from now."""
    now = timezone.now()
    slots = free_slots(
        agenda=agenda,
        start_date=timezone.localdate(now),
        end_date=timezone.localdate(now) + timedelta(days=agenda.book_max_days_ahead),
    )
    later = [slot for slot in slots if slot.start >= now + timedelta(hours=hours)]
    return later[:count]


def iso(slot) -> str:
    return timezone.localtime(slot.start).isoformat()


def appointment_question(agenda, *, application_ids=False, name="appointment", **value):
    return {
        "type": "appointment",
        "value": {
            "label": "Your appointment",
            "name": name,
            "required": True,
            "agenda": str(agenda.pk),
            "application_ids": application_ids,
            **value,
        },
    }


def form_stream(raw):
    return FormFieldsBlock().to_python(raw)


@pytest.fixture
def make_procedure(commune):
    def make(form, collectivity=commune, title="Rendez-vous passeport"):
        catalogue = CataloguePage.objects.get(collectivity=collectivity, locale__language_code="fr")
        procedure = ProcedurePage(title=title, summary=f"Résumé : {title}", form=form_stream(form))
        catalogue.add_child(instance=procedure)
        return procedure

    return make


@pytest.fixture
def procedure(agenda, make_procedure):
    """Step 1: the slot and the pre-application numbers; step 2: a phone number."""
    return make_procedure(
        [
            appointment_question(agenda, application_ids=True),
            {"type": "step_break", "value": {"title": "Contact"}},
            {"type": "phone", "value": {"label": "Phone", "name": "phone", "required": True}},
        ]
    )


@pytest.fixture
def make_citizen(db):
    def make(email="camille@example.org"):
        user = get_user_model().objects.create_user(username=email, email=email, password=PASSWORD)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def citizen(make_citizen):
    return make_citizen()


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def citizen_client(citizen):
    return client_for(citizen)


@pytest.fixture
def make_draft(procedure):
    def make(user, on=procedure):
        return draft_start(user=user, procedure=on, language="en")

    return make


@pytest.fixture
def agent(commune, make_citizen):
    user = make_citizen("agent@voiron.example.fr")
    user.groups.add(commune.agents_group)
    return user


class CoordinationStandIn:
    """A local stand-in of ANTS's coordination API: statuses to answer, calls received, and
    `available` to make it answer 503 as when it is down."""

    def __init__(self):
        self.statuses: dict[str, dict] = {}
        self.calls: list[tuple[str, str, dict, dict]] = []  # (method, path, params, headers)
        self.available = True
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/api"

    def appointments(self, method: str) -> list[dict]:
        return [
            params for m, path, params, _h in self.calls if m == method and "appointments" in path
        ]

    def _handler(self):
        stand_in = self

        class Handler(BaseHTTPRequestHandler):
            def _answer(self):
                parts = urlsplit(self.path)
                params: dict = {}
                for key, value in parse_qsl(parts.query):
                    params.setdefault(key, []).append(value)
                params = {k: v if len(v) > 1 else v[0] for k, v in params.items()}
                headers = {key.lower(): value for key, value in self.headers.items()}
                stand_in.calls.append((self.command, parts.path, params, headers))
                if not stand_in.available:
                    return self._send(503, {"detail": "maintenance"})
                if parts.path == "/api/status":
                    ids = params.get("application_ids", [])
                    ids = ids if isinstance(ids, list) else [ids]
                    unknown = {"status": "unknown", "appointments": []}
                    return self._send(200, {i: stand_in.statuses.get(i, unknown) for i in ids})
                return self._send(200, {"success": True})

            def _send(self, status, body):
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_POST = do_DELETE = _answer

            def log_message(self, *args):
                pass

        return Handler


@pytest.fixture
def coordination(settings):
    """The stand-in, running, and the portal configured to call it."""
    stand_in = CoordinationStandIn()
    thread = threading.Thread(target=stand_in.server.serve_forever, daemon=True)
    thread.start()
    settings.ANTS_API_URL = stand_in.url
    settings.ANTS_API_TOKEN = "coordination-token"
    settings.ANTS_RETRY_DELAYS = [60, 300]
    yield stand_in
    stand_in.server.shutdown()
    stand_in.server.server_close()
