"""The final submission through the view: its SQL statements, one by one, and who may make it."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from citizen_space.models import StatusChange, Submission
from citizen_space.notifications.models import Notification, PushWebhook

from .conftest import english_client, question
from .helpers import fill_draft, post_step, start, step_url, submit

pytestmark = pytest.mark.django_db

# One step, no file: the statements of the submission itself, no upload to look for.
ONE_STEP = [
    question("short_text", "last_name", "Nom", prefill="last_name"),
    question("email", "contact_email", "Adresse électronique", prefill="email"),
]


def statement(sql: str) -> tuple[str, str | None]:
    """The verb of a statement and the table it reads or writes first."""
    table = re.search(r'(?:FROM|INTO|UPDATE) "(\w+)"', sql)
    return sql.split()[0], table and table[1]


@pytest.fixture
def one_step_draft(commune, make_procedure, citizen_client):
    procedure = make_procedure(commune, form=ONE_STEP)
    start(citizen_client, procedure)
    draft = Submission.objects.get(procedure=procedure)
    post_step(citizen_client, draft, 1, {"last_name": "Martin", "contact_email": "c@example.org"})
    draft.refresh_from_db()
    assert draft.is_complete
    return draft


def test_a_final_submit_is_one_locked_read_and_the_writes(one_step_draft, citizen_client):
    PushWebhook.objects.create(collectivity=one_step_draft.collectivity, url="https://app.fr/e")
    with CaptureQueriesContext(connection) as queries:
        assert submit(citizen_client, one_step_draft).status_code == 302
    sqls = [query["sql"] for query in queries.captured_queries]
    # The test's own transaction turns the view's BEGIN and COMMIT into a savepoint and its
    # release; the session is read from the cache in production (cached_db).
    assert [statement(sql) for sql in sqls] == [
        ("SELECT", "django_session"),
        ("SELECT", "auth_user"),
        ("SAVEPOINT", None),
        ("SELECT", "citizen_space_submission"),
        ("INSERT", "citizen_space_referencecounter"),
        ("UPDATE", "citizen_space_submission"),
        ("INSERT", "citizen_space_statuschange"),
        ("INSERT", "notifications_notification"),
        ("RELEASE", None),
    ]
    locked = sqls[3]
    assert "FOR UPDATE" in locked and '"notifications_pushwebhook"' in locked
    notifications = Notification.objects.filter(submission=one_step_draft)
    assert sorted(notifications.values_list("channel", flat=True)) == ["email", "push"]
    assert all(n.key in sqls[7] for n in notifications)  # both rows in the one INSERT


def test_another_citizen_posting_the_submit_gets_404_and_the_draft_stays_a_draft(
    procedure, citizen_client, make_citizen
):
    draft = fill_draft(citizen_client, procedure)
    intruder = english_client(make_citizen("intrus@example.org"))
    assert submit(intruder, draft).status_code == 404
    draft.refresh_from_db()
    assert draft.is_draft and not draft.reference
    assert not StatusChange.objects.filter(submission=draft).exists()
    assert not Notification.objects.filter(submission=draft).exists()
    assert submit(citizen_client, draft)["Location"] == reverse(
        "citizen_space:submission_confirmation", args=[draft.pk]
    )


def test_an_incomplete_draft_is_not_sent_but_continued(procedure, citizen_client):
    start(citizen_client, procedure)
    draft = Submission.objects.get(procedure=procedure)
    post_step(citizen_client, draft, 1, {"last_name": "Martin", "contact_email": "c@example.org"})
    response = submit(citizen_client, draft)
    assert response.status_code == 302 and response["Location"] == step_url(draft, 2)
    draft.refresh_from_db()
    assert draft.is_draft and not draft.reference


def test_a_submit_of_an_unknown_request_gives_404(citizen_client):
    url = reverse("citizen_space:draft_submit", args=[987654])
    assert citizen_client.post(url).status_code == 404
