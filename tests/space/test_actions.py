"""Action requests: asked by an agent, listed in "My actions to do", answered by the citizen."""

import datetime
from collections import defaultdict

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from citizen_space import events
from citizen_space.models import ActionRequest, StatusChange
from citizen_space.services.action_requests import action_request_answer, action_request_create
from citizen_space.workflow import Status, TransitionNotAllowed
from tests.citizen_space.conftest import pdf_bytes

pytestmark = pytest.mark.django_db


def ask(submission, agent, days=10, kind=ActionRequest.Kind.DOCUMENT):
    return action_request_create(
        submission=submission,
        agent=agent,
        kind=kind,
        explanation="Envoyez un justificatif de domicile.",
        due_date=timezone.localdate() + datetime.timedelta(days=days),
    )


@pytest.fixture
def emitted(monkeypatch):
    """The events emitted, as (name, payload)."""
    seen = []
    listeners = defaultdict(list, {name: list(found) for name, found in events._listeners.items()})
    monkeypatch.setattr(events, "_listeners", listeners)
    for name in (events.ACTION_REQUEST_CREATED, events.ACTION_REQUEST_ANSWERED):
        events.listen(name)(lambda name=name, **payload: seen.append((name, payload)))
    return seen


def test_an_agent_asks_and_the_request_awaits_the_citizen(
    sent_request, commune, make_agent, emitted, django_capture_on_commit_callbacks
):
    agent = make_agent(commune)
    with django_capture_on_commit_callbacks(execute=True):
        action = ask(sent_request, agent)

    sent_request.refresh_from_db()
    assert sent_request.status == Status.ACTION_REQUIRED
    assert (action.created_by, action.status) == (agent, ActionRequest.Status.OPEN)
    change = StatusChange.objects.get(submission=sent_request, to_status=Status.ACTION_REQUIRED)
    assert change.actor == agent
    assert emitted == [(events.ACTION_REQUEST_CREATED, {"action_request_id": action.pk})]


def test_the_workflow_refuses_an_action_request_on_a_draft(procedure, citizen_client, make_agent):
    from tests.citizen_space.helpers import start

    start(citizen_client, procedure)
    draft = procedure.collectivity.submissions.get()
    with pytest.raises(TransitionNotAllowed):
        ask(draft, make_agent(procedure.collectivity))
    assert not ActionRequest.objects.exists()


def test_my_actions_to_do_lists_open_actions_across_communes_soonest_first(
    sent_request, open_action, other_commune, make_procedure, citizen_client, send_request
):
    elsewhere = send_request(citizen_client, make_procedure(other_commune, "Carte"))
    sooner = ActionRequest.objects.create(
        submission=elsewhere,
        kind=ActionRequest.Kind.INFORMATION,
        explanation="Votre numéro de plaque ?",
        due_date=open_action.due_date - datetime.timedelta(days=5),
    )
    ActionRequest.objects.create(
        submission=elsewhere,
        kind=ActionRequest.Kind.INFORMATION,
        explanation="Annulée",
        due_date=sooner.due_date,
        status=ActionRequest.Status.CANCELLED,
    )

    html = citizen_client.get(reverse("citizen_space:actions")).content.decode()

    rows = html.split('id="actions-table"', 1)[1]
    assert rows.index(f'id="action-{sooner.pk}"') < rows.index(f'id="action-{open_action.pk}"')
    assert rows.count('<tr id="action-') == 2
    assert other_commune.name in rows and sent_request.collectivity.name in rows
    assert reverse("citizen_space:action_answer", args=[sooner.pk]) in rows


def test_the_citizen_answers_with_text_and_files_and_the_request_goes_back_to_the_agents(
    sent_request, commune, make_agent, citizen, citizen_client
):
    action = ask(sent_request, make_agent(commune))
    url = reverse("citizen_space:action_answer", args=[action.pk])
    assert "Envoyez un justificatif de domicile." in citizen_client.get(url).content.decode()

    proof = SimpleUploadedFile("domicile.pdf", pdf_bytes(), content_type="application/pdf")
    response = citizen_client.post(url, {"text": "Voici le justificatif.", "files": proof})

    assert response["Location"] == reverse("citizen_space:request_detail", args=[sent_request.pk])
    action.refresh_from_db()
    assert action.status == ActionRequest.Status.ANSWERED
    assert action.answer_text == "Voici le justificatif." and action.answered_at
    assert action.uploads.get().original_name == "domicile.pdf"
    sent_request.refresh_from_db()
    assert sent_request.status == Status.IN_PROGRESS
    assert StatusChange.objects.filter(actor=citizen, to_status=Status.IN_PROGRESS).exists()
    html = citizen_client.get(url).content.decode()
    assert "Voici le justificatif." in html and "domicile.pdf" in html
    assert 'id="action-answer-form"' not in html
    timeline = citizen_client.get(response["Location"]).content.decode().split('id="timeline"')[1]
    for text in ("Status: Action required", "You answered the town hall", "Status: In progress"):
        assert text in timeline
    assert timeline.index("Action required") < timeline.index("In progress")


def test_the_request_stays_with_the_citizen_while_another_action_is_open(
    sent_request, commune, make_agent, citizen
):
    agent = make_agent(commune)
    first, second = ask(sent_request, agent), ask(sent_request, agent, days=20)

    action_request_answer(action_request=first, user=citizen, text="Fait.", files=[])
    sent_request.refresh_from_db()
    assert sent_request.status == Status.ACTION_REQUIRED

    action_request_answer(action_request=second, user=citizen, text="Fait aussi.", files=[])
    sent_request.refresh_from_db()
    assert sent_request.status == Status.IN_PROGRESS


def test_an_empty_or_second_answer_is_refused(open_action, citizen, citizen_client):
    url = reverse("citizen_space:action_answer", args=[open_action.pk])
    response = citizen_client.post(url, {"text": "  "})
    assert response.status_code == 400
    assert "Write an answer or attach a file." in response.content.decode()

    action_request_answer(action_request=open_action, user=citizen, text="Fait.", files=[])
    with pytest.raises(ValidationError):
        action_request_answer(action_request=open_action, user=citizen, text="Encore", files=[])
    response = citizen_client.post(url, {"text": "Encore"})
    assert response.status_code == 200
    open_action.refresh_from_db()
    assert open_action.answer_text == "Fait."
