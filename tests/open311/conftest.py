"""Fixtures of the Open311 tests: a commune with a road incident procedure and a client key."""

import pytest

from citizen_space.open311.services import client_issue
from tests.api.fixtures import *  # noqa: F403


def question(kind: str, name: str, label: str, **value) -> dict:
    return {"type": kind, "value": {"name": name, "label": label, "required": True, **value}}


ROAD_INCIDENT_FORM = [
    {"type": "warning", "value": {"text": "<p>En cas de danger immédiat, appelez le 112.</p>"}},
    question(
        "single_choice",
        "category",
        "Type d’incident",
        widget="select",
        options=[
            {"value": "pothole", "label": "Nid-de-poule"},
            {"value": "lighting", "label": "Éclairage public en panne"},
        ],
    ),
    question("long_text", "description", "Description", max_length=2000),
    question("location", "place", "Où se situe le problème ?"),
    question("file", "photo", "Photo", kinds=["jpeg", "png"], max_size_mb=5, required=False),
    question("email", "contact_email", "Votre courriel", prefill="email", required=False),
]


@pytest.fixture
def road_incident(commune, make_procedure):
    return make_procedure(
        commune,
        "Signaler un incident sur la voirie",
        rubrics=["voirie"],
        summary="Nid-de-poule, éclairage en panne : signalez-le.",
        is_incident_report=True,
        form=ROAD_INCIDENT_FORM,
    )


@pytest.fixture
def api_key(commune):
    _client, key = client_issue(collectivity=commune, name="Signalements Pilat")
    return key


@pytest.fixture
def valid_report(road_incident, api_key) -> dict:
    return {
        "api_key": api_key,
        "service_code": str(road_incident.pk),
        "lat": "45.5461",
        "long": "4.5994",
        "address_string": "Rue de la Mairie",
        "description": "Un trou profond devant l’école.",
        "attribute[category]": "pothole",
        "email": "habitant@example.org",
        "first_name": "Camille",
    }
