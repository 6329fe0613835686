"""The isolation matrix: an agent of one collectivity gets nothing of another's requests (404)
through any endpoint of the back office, and changes nothing; the agents of the requests' own
collectivity get each of them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from citizen_space.backoffice.models import Assignment, Consultation, InternalNote
from citizen_space.models import ActionRequest, Message, StatusChange

from .conftest import client_for, pdf_file

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting(commune_a, commune_b, make_procedure, make_request, make_agent):
    """Commune B's request, B's agent, and A's agent who must not reach it."""
    procedure = make_procedure(commune_b)
    request = make_request(procedure)
    return {
        "request": request,
        "procedure": procedure,
        "upload": request.uploads.get(),
        "own": make_agent(commune_b),
        "outsider": make_agent(commune_a),
    }


def _endpoints(request, procedure, upload, agent_pk):
    """(name, method, url, data) of every back office endpoint on B's request."""
    due = (timezone.localdate() + datetime.timedelta(days=10)).isoformat()

    def url(name, *args):
        return reverse(f"backoffice:{name}", args=[request.pk, *args])

    return [
        ("detail", "get", url("detail"), None),
        ("file", "get", url("file", upload.pk), None),
        (
            "export",
            "get",
            reverse("backoffice:export") + f"?procedure={procedure.pk}&format=csv",
            None,
        ),
        (
            "export xlsx",
            "get",
            reverse("backoffice:export") + f"?procedure={procedure.pk}&format=xlsx",
            None,
        ),
        ("transition", "post", url("transition"), {"to": "in_progress", "comment": ""}),
        ("assignment", "post", url("assign"), {"agent": agent_pk}),
        ("note", "post", url("note"), {"body": "À vérifier."}),
        ("message", "post", url("message"), {"body": "Bonjour", "files": pdf_file()}),
        (
            "action request",
            "post",
            url("action_request"),
            {"kind": "document", "explanation": "Votre justificatif.", "due_date": due},
        ),
    ]


def _state(request):
    request.refresh_from_db()
    return {
        "status": request.status,
        "changes": StatusChange.objects.filter(submission=request).count(),
        "assigned": Assignment.objects.filter(submission=request).exists(),
        "notes": InternalNote.objects.filter(submission=request).count(),
        "messages": Message.objects.filter(submission=request).count(),
        "actions": ActionRequest.objects.filter(submission=request).count(),
        "consultations": Consultation.objects.filter(submission=request).count(),
    }


def test_an_agent_of_another_collectivity_gets_404_everywhere_and_changes_nothing(setting):
    request, outsider = setting["request"], setting["outsider"]
    client = client_for(outsider)
    before = _state(request)
    for name, method, url, data in _endpoints(
        request, setting["procedure"], setting["upload"], outsider.pk
    ):
        response = getattr(client, method)(url, data)
        assert response.status_code == 404, name
    assert _state(request) == before

    inbox = client.get(reverse("backoffice:index"))
    assert inbox.status_code == 200
    assert request.reference not in inbox.content.decode()
    results = client.get(reverse("backoffice:index_results"), {"q": request.reference})
    assert request.reference not in results.content.decode()


def test_the_agents_of_the_request_s_collectivity_reach_every_endpoint(setting):
    request, agent = setting["request"], setting["own"]
    client = client_for(agent)
    for name, method, url, data in _endpoints(
        request, setting["procedure"], setting["upload"], agent.pk
    ):
        response = getattr(client, method)(url, data)
        assert response.status_code in (200, 302), (name, response.status_code)
        if method == "post":
            assert response["Location"] == reverse("backoffice:detail", args=[request.pk]), name
    state = _state(request)
    assert state["status"] == "action_required"
    assert state["changes"] == 3  # submitted, in progress, action required
    assert state["assigned"] and state["notes"] == 1
    assert state["messages"] == 1 and state["actions"] == 1
    assert state["consultations"] == 4  # the page, the file, two exports
    assert request.reference in client.get(reverse("backoffice:index")).content.decode()


def test_citizens_and_editors_are_kept_out_of_the_back_office(
    setting, citizen, make_user, commune_b
):
    editor = make_user("communication@pelussin.fr", groups=[commune_b.editors_group])
    request = setting["request"]
    before = _state(request)
    for user in (citizen, editor):
        client = client_for(user)
        for name, method, url, data in _endpoints(
            request, setting["procedure"], setting["upload"], user.pk
        ):
            response = getattr(client, method)(url, data)
            # The citizen is sent to sign in as staff; the editor, who is staff, gets 404.
            expected = 302 if user == citizen else 404
            assert response.status_code == expected, (user, name)
    assert _state(request) == before


def test_intercommunality_agents_process_its_procedures_from_every_member_commune(
    intercommunality, commune_a, commune_b, make_procedure, make_request, make_agent, make_user
):
    waste = make_procedure(intercommunality, "Composteur")
    from_a = make_request(waste)
    from_b = make_request(waste, user=make_user("dominique@example.org"))
    commune_request = make_request(make_procedure(commune_a))
    agent = make_agent(intercommunality)
    client = client_for(agent)

    html = client.get(reverse("backoffice:index")).content.decode()
    assert from_a.reference in html and from_b.reference in html
    assert commune_request.reference not in html
    assert client.get(reverse("backoffice:detail", args=[from_b.pk])).status_code == 200
    assert client.get(reverse("backoffice:detail", args=[commune_request.pk])).status_code == 404
    # The commune's agents do not see the intercommunality's requests.
    commune_client = client_for(make_agent(commune_a))
    assert commune_client.get(reverse("backoffice:detail", args=[from_a.pk])).status_code == 404
