"""A request's page in the back office, and what agents do there: answers read from the
request's own snapshot, files, timeline, internal notes kept from the citizen, assignment,
messages, action requests, status changes refused with a clear message, consultations."""

import datetime

import pytest
from django.core import mail
from django.template import Context, Template
from django.urls import reverse
from django.utils import timezone

from citizen_space.backoffice.models import Assignment, Consultation, InternalNote
from citizen_space.backoffice.selectors import submission_consultations
from citizen_space.backoffice.services import internal_note_add
from citizen_space.services.status import submission_transition
from tests.citizen_space.conftest import form_stream

from .conftest import FORM, client_for, pdf_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedure(commune_a, make_procedure):
    return make_procedure(commune_a)


@pytest.fixture
def agent(commune_a, make_agent):
    return make_agent(commune_a, first_name="Nadia", last_name="Benali")


@pytest.fixture
def request_(procedure, make_request):
    return make_request(procedure)


def page(client, request_):
    response = client.get(reverse("backoffice:detail", args=[request_.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_the_answers_are_read_from_the_request_s_own_form(procedure, make_request, agent):
    old = make_request(procedure)
    # The editors rename a question afterwards: the old request keeps the label it answered.
    renamed = [dict(q, value=dict(q.get("value", {}))) for q in FORM]
    renamed[4]["value"]["label"] = "Informations complémentaires"
    procedure.form = form_stream(renamed)
    new = make_request(procedure)
    client = client_for(agent)
    old_html, new_html = page(client, old), page(client, new)
    assert "Précisions" in old_html and "Informations complémentaires" not in old_html
    assert "Informations complémentaires" in new_html
    assert "Pour la crèche." in old_html
    assert reverse("backoffice:file", args=[old.pk, old.uploads.get().pk]) in old_html


def test_files_are_downloaded_as_attachments_and_logged(request_, agent):
    client = client_for(agent)
    upload = request_.uploads.get()
    response = client.get(reverse("backoffice:file", args=[request_.pk, upload.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="justificatif.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF")
    assert list(Consultation.objects.values_list("kind", "user", "collectivity")) == [
        ("file", agent.pk, request_.collectivity_id)
    ]


def test_each_visit_is_logged_and_the_citizen_sees_which_collectivity_consulted_and_when(
    request_, agent
):
    before = timezone.now()
    page(client_for(agent), request_)
    [consultation] = submission_consultations(request_)
    assert consultation.collectivity.name == "Saint-Martin-la-Plaine"
    assert consultation.kind == "detail" and consultation.at >= before
    # The tag for the citizen's request page names the collectivity, never the agent.
    html = Template("{% load consultations %}{% request_consultations submission %}").render(
        Context({"submission": request_})
    )
    assert "Saint-Martin-la-Plaine" in html and "Benali" not in html


def test_internal_notes_are_shown_to_agents_and_never_to_the_citizen(request_, agent, citizen):
    internal_note_add(submission=request_, author=agent, body="Appeler la CAF avant de valider.")
    assert "Appeler la CAF avant de valider." in page(client_for(agent), request_)
    citizen_page = client_for(citizen).get(
        reverse("citizen_space:request_detail", args=[request_.pk])
    )
    assert citizen_page.status_code == 200
    assert "Appeler la CAF" not in citizen_page.content.decode()


def test_assignment_to_an_agent_of_the_collectivity_only(
    request_, agent, commune_a, commune_b, make_agent
):
    client = client_for(agent)
    colleague = make_agent(commune_a, "collegue@example.fr")
    url = reverse("backoffice:assign", args=[request_.pk])
    assert client.post(url, {"agent": colleague.pk}).status_code == 302
    assert Assignment.objects.get(submission=request_).agent == colleague
    # An agent of another commune is not among the choices.
    response = client.post(url, {"agent": make_agent(commune_b).pk})
    assert response.status_code == 400
    assert Assignment.objects.get(submission=request_).agent == colleague
    assert client.post(url, {"agent": ""}).status_code == 302
    assert not Assignment.objects.filter(submission=request_).exists()


def test_status_buttons_follow_the_table_and_refusals_are_explained(request_, agent):
    client = client_for(agent)
    html = page(client, request_)
    assert 'name="to" value="in_progress"' in html
    assert 'value="accepted"' not in html  # not from "submitted"
    url = reverse("backoffice:transition", args=[request_.pk])
    response = client.post(url, {"to": "accepted", "comment": ""})
    assert response.status_code == 400
    assert "This request is “Submitted”: it cannot be made “Accepted”." in response.content.decode()

    client.post(url, {"to": "in_progress"})
    response = client.post(url, {"to": "rejected", "comment": ""})
    assert "Please explain why the request is made “Rejected”" in response.content.decode()
    response = client.post(url, {"to": "accepted", "comment": "Dossier complet."})
    assert response.status_code == 302
    request_.refresh_from_db()
    assert request_.status == "accepted"
    change = request_.status_changes.last()
    assert (change.actor, change.comment) == (agent, "Dossier complet.")
    # Decided: only a supervisor may reopen it.
    assert 'name="to"' not in page(client, request_)


def test_a_supervisor_reopens_a_decided_request(
    request_, agent, make_agent, commune_a, supervisors
):
    submission_transition(submission=request_, to="in_progress", actor=agent)
    submission_transition(submission=request_, to="closed", actor=agent)
    chief = make_agent(commune_a, "cheffe@example.fr")
    chief.groups.add(supervisors)
    client = client_for(chief)
    assert 'value="in_progress"' in page(client, request_)
    url = reverse("backoffice:transition", args=[request_.pk])
    response = client.post(url, {"to": "in_progress", "comment": "Erreur de clôture."})
    assert response.status_code == 302
    request_.refresh_from_db()
    assert request_.status == "in_progress"
    assert request_.status_changes.last().role == "supervisor"


def test_asking_the_citizen_for_a_document(
    request_, agent, citizen, django_capture_on_commit_callbacks
):
    client = client_for(agent)
    url = reverse("backoffice:action_request", args=[request_.pk])
    response = client.post(
        url,
        {
            "kind": "document",
            "explanation": "Une facture de moins de trois mois.",
            "due_date": timezone.localdate().isoformat(),
        },
    )
    assert response.status_code == 400
    assert "Give the citizen at least until tomorrow." in response.content.decode()
    mail.outbox.clear()
    due = timezone.localdate() + datetime.timedelta(days=15)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            url,
            {
                "kind": "document",
                "explanation": "Une facture de moins de trois mois.",
                "due_date": due.isoformat(),
            },
        )
    assert response.status_code == 302
    request_.refresh_from_db()
    assert request_.status == "action_required"
    [action] = request_.action_requests.all()
    assert (action.created_by, action.due_date) == (agent, due)
    [email] = mail.outbox
    assert email.to == [citizen.email]
    assert "Une facture de moins de trois mois." in page(client, request_)
    citizen_client = client_for(citizen)
    actions = citizen_client.get(reverse("citizen_space:actions")).content.decode()
    assert f'id="action-{action.pk}"' in actions
    answer_page = citizen_client.get(reverse("citizen_space:action_answer", args=[action.pk]))
    assert "Une facture de moins de trois mois." in answer_page.content.decode()


def test_messages_with_attachments_reach_the_citizen(
    request_, agent, citizen, django_capture_on_commit_callbacks
):
    client = client_for(agent)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("backoffice:message", args=[request_.pk]),
            {"body": "Voici le formulaire à signer.", "files": pdf_file("formulaire.pdf")},
        )
    assert response.status_code == 302
    [message] = request_.messages.all()
    assert (message.author, message.from_citizen) == (agent, False)
    assert message.uploads.get().original_name == "formulaire.pdf"
    assert len(mail.outbox) == 1
    citizen_html = (
        client_for(citizen)
        .get(reverse("citizen_space:request_detail", args=[request_.pk]))
        .content.decode()
    )
    assert "Voici le formulaire à signer." in citizen_html
    assert "Voici le formulaire à signer." in page(client, request_)


def test_the_timeline_tells_everything_in_order(request_, agent):
    submission_transition(submission=request_, to="in_progress", actor=agent)
    internal_note_add(submission=request_, author=agent, body="Vu.")
    html = page(client_for(agent), request_)
    timeline = html[html.index('id="timeline-title"') :]
    sent = timeline.index("Request sent")
    taken = timeline.index("Status “In progress” (Nadia Benali)")
    noted = timeline.index("Internal note")
    assert sent < taken < noted
    assert InternalNote.objects.count() == 1
