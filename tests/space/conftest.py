"""Fixtures of "My space" tests: the request flow's fixtures, sent requests, agents, actions."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone

from citizen_space.models import ActionRequest, Message, Submission
from citizen_space.services.submission import submission_submit
from commune_sites.services import collectivity_provision
from tests.citizen_space.conftest import (  # noqa: F401  (fixtures)
    PASSWORD,
    citizen,
    citizen_client,
    commune,
    english,
    english_client,
    intercommunality,
    make_citizen,
    make_procedure,
    pdf_file,
    private_media,
    procedure,
)
from tests.citizen_space.helpers import fill_draft


@pytest.fixture
def other_commune(db):
    return collectivity_provision(
        kind="commune", name="Rive-de-Gier", code="42186", postal_codes="42800"
    )


@pytest.fixture
def other_citizen(make_citizen):  # noqa: F811
    return make_citizen("dominique@example.org")


@pytest.fixture
def send_request():
    """A request sent by `client`'s citizen on `procedure` through the views (consent
    accepted when asked), as the request flow makes it."""

    def send(client, procedure) -> Submission:  # noqa: F811
        draft = fill_draft(client, procedure)
        return submission_submit(submission_id=draft.pk)

    return send


@pytest.fixture
def sent_request(citizen_client, procedure, send_request):  # noqa: F811
    return send_request(citizen_client, procedure)


@pytest.fixture
def make_agent(db):
    def make(collectivity, email="agent@mairie.example.org"):
        agent = get_user_model().objects.create_user(username=email, email=email)
        agent.groups.add(collectivity.agents_group)
        return agent

    return make


@pytest.fixture
def open_action(sent_request):
    """An open action request on `sent_request`, as the back office records one."""
    return ActionRequest.objects.create(
        submission=sent_request,
        kind=ActionRequest.Kind.DOCUMENT,
        explanation="Merci d'envoyer un justificatif de domicile récent.",
        due_date=timezone.localdate() + datetime.timedelta(days=10),
    )


@pytest.fixture
def agent_message(sent_request):
    return Message.objects.create(
        submission=sent_request, from_citizen=False, body="Votre dossier est complet."
    )
