"""The inbox: filters, search, sorting, pagination, and a constant number of SQL queries."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from citizen_space.backoffice.services import assignment_set
from citizen_space.models import Submission
from citizen_space.services.status import submission_transition

from .conftest import ANSWERS, FORM_WITHOUT_FILE, client_for

pytestmark = pytest.mark.django_db

INBOX = reverse("backoffice:index")
RESULTS = reverse("backoffice:index_results")


def references(response) -> list[str]:
    """The references listed (linked to their page), in their order."""
    return re.findall(
        r'href="/admin/demandes/\d+/">\s*([A-Z]{3}-\d{4}-\d{6})\s*<', response.content.decode()
    )


@pytest.fixture
def inbox(commune_a, make_procedure, make_request, make_agent, make_user):
    """Four requests of commune A: two procedures, two citizens, various statuses."""
    birth, parking = make_procedure(commune_a), make_procedure(commune_a, "Stationnement")
    agent, colleague = make_agent(commune_a), make_agent(commune_a, "collegue@example.fr")
    dominique = make_user("dominique@example.org")
    requests = [
        make_request(birth),
        make_request(birth, user=dominique, answers={**ANSWERS, "last_name": "Durand"}),
        make_request(parking),
        make_request(parking, user=dominique, answers={**ANSWERS, "last_name": "Durand"}),
    ]
    submission_transition(submission=requests[1], to="in_progress", actor=agent)
    submission_transition(submission=requests[1], to="action_required", actor=agent)
    submission_transition(submission=requests[2], to="in_progress", actor=agent)
    assignment_set(submission=requests[2], agent=colleague, by=agent)
    # Sent on four days in a row, the first one 3 days ago.
    today = datetime.date.today()
    for days_ago, request in zip((3, 2, 1, 0), requests, strict=True):
        sent = datetime.datetime.combine(
            today - datetime.timedelta(days=days_ago), datetime.time(10)
        )
        Submission.objects.filter(pk=request.pk).update(submitted_at=sent.astimezone(datetime.UTC))
    return {
        "requests": [r.reference for r in requests],
        "client": client_for(agent),
        "birth": birth,
        "colleague": colleague,
        "today": today,
    }


def test_newest_first_by_default_and_sortable(inbox):
    refs = inbox["requests"]
    client = inbox["client"]
    assert references(client.get(INBOX)) == refs[::-1]
    assert references(client.get(INBOX, {"ordering": "submitted_at"})) == refs
    # Last changed first: the two moved by agents, then the others, newest first.
    last_changed = [refs[2], refs[1], refs[3], refs[0]]
    assert references(client.get(INBOX, {"ordering": "-updated_at"})) == last_changed


def test_filters(inbox):
    refs, client, today = inbox["requests"], inbox["client"], inbox["today"]

    def listed(**params):
        return sorted(references(client.get(RESULTS, params)))

    assert listed(procedure=inbox["birth"].pk) == sorted(refs[:2])
    assert listed(status="in_progress") == [refs[2]]
    assert listed(status=["submitted", "action_required"]) == sorted([refs[0], refs[1], refs[3]])
    assert listed(waiting_for_citizen="true") == [refs[1]]
    assert listed(waiting_for_citizen="false") == sorted([refs[0], refs[2], refs[3]])
    assert listed(agent=inbox["colleague"].pk) == [refs[2]]
    assert listed(agent="nobody") == sorted([refs[0], refs[1], refs[3]])
    yesterday, two_days_ago = today - datetime.timedelta(1), today - datetime.timedelta(2)
    assert listed(
        submitted_at_from=two_days_ago.isoformat(), submitted_at_to=yesterday.isoformat()
    ) == sorted(refs[1:3])
    assert listed(procedure=inbox["birth"].pk, waiting_for_citizen="true") == [refs[1]]


def test_search_by_reference_or_applicant_name(inbox):
    refs, client = inbox["requests"], inbox["client"]
    assert references(client.get(RESULTS, {"q": refs[2]})) == [refs[2]]
    assert sorted(references(client.get(RESULTS, {"q": "durand"}))) == sorted([refs[1], refs[3]])
    assert references(client.get(RESULTS, {"q": "introuvable"})) == []


def test_pagination(commune_a, make_procedure, make_request, make_agent):
    procedure = make_procedure(commune_a, form=FORM_WITHOUT_FILE)
    made = [make_request(procedure).reference for _ in range(23)]
    client = client_for(make_agent(commune_a))
    first, second = references(client.get(INBOX)), references(client.get(INBOX, {"p": 2}))
    assert len(first) == 20 and len(second) == 3
    assert sorted(first + second) == sorted(made)


def _queries(client, params=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(INBOX, params or {})
    assert response.status_code == 200
    return len(captured)


def test_queries_do_not_grow_with_the_number_of_requests_nor_the_page(
    commune_a, make_procedure, make_request, make_agent, make_user
):
    procedures = [
        make_procedure(commune_a, form=FORM_WITHOUT_FILE),
        make_procedure(commune_a, "Stationnement", form=FORM_WITHOUT_FILE),
    ]
    agent = make_agent(commune_a)
    client = client_for(agent)
    make_request(procedures[0])
    _queries(client)  # caches (content types, site) warm
    few = _queries(client)

    for n in range(29):
        citizen = make_user(f"citoyen{n}@example.org")
        request = make_request(procedures[n % 2], user=citizen)
        assignment_set(submission=request, agent=agent, by=agent)
    assert _queries(client) == few  # 20 on the page, 30 in all
    assert _queries(client, {"p": 2}) == few  # 10 on the page
    # Session, user, permissions, the served collectivities, the filters' procedures and
    # agents, count, page; the rest is the admin's furniture (menu items of other apps,
    # statistics included).
    assert few == 21


def test_past_the_count_limit_the_inbox_says_more_than(
    monkeypatch, commune_a, make_procedure, make_request, make_agent
):
    monkeypatch.setattr("citizen_space.backoffice.pagination.COUNT_LIMIT", 2)
    procedure = make_procedure(commune_a, form=FORM_WITHOUT_FILE)
    for _ in range(3):
        make_request(procedure)
    response = client_for(make_agent(commune_a)).get(RESULTS)
    assert "More than 2 requests: filter them to narrow the list." in response.content.decode()
    assert len(references(response)) == 2


def test_a_search_counts_up_to_its_own_smaller_limit(
    monkeypatch, commune_a, make_procedure, make_request, make_agent
):
    monkeypatch.setattr("citizen_space.backoffice.pagination.COUNT_LIMIT", 5)
    monkeypatch.setattr("citizen_space.backoffice.views.SEARCH_COUNT_LIMIT", 2)
    procedure = make_procedure(commune_a, form=FORM_WITHOUT_FILE)
    for _ in range(3):
        make_request(procedure)
    client = client_for(make_agent(commune_a))
    assert "3 requests" in client.get(RESULTS).content.decode()
    searched = client.get(RESULTS, {"q": Submission.objects.first().reference[:4]})
    assert "More than 2 requests: filter them to narrow the list." in searched.content.decode()
