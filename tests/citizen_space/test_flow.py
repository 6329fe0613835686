"""The request flow with the test client: sign in, steps, drafts, resume, summary, submit."""

import re
from io import BytesIO

import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from pypdf import PdfReader

from citizen_space.models import CitizenProfile, Submission
from citizen_space.services.submission import submission_submit

from .conftest import PASSWORD, english_client
from .helpers import fill_draft, post_step, start, step_url, submit

pytestmark = pytest.mark.django_db


def test_make_the_request_asks_to_sign_in_then_comes_back_to_the_flow(procedure, citizen):
    client = english_client()
    start_url = reverse("citizen_space:request_start", args=[procedure.pk])
    response = client.get(start_url)
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={start_url}"

    response = client.post(
        reverse("account_login"),
        {"login": citizen.email, "password": PASSWORD, "next": start_url},
    )
    assert response.status_code == 302
    assert response["Location"] == start_url
    response = start(client, procedure)
    draft = Submission.objects.get(user=citizen, procedure=procedure)
    assert response["Location"] == step_url(draft, 1)


def test_a_draft_belongs_to_the_collectivity_owning_the_procedure(
    intercommunality, commune, make_procedure, citizen_client, citizen
):
    procedure = make_procedure(intercommunality, "Inscription à la crèche")
    start(citizen_client, procedure)
    draft = Submission.objects.get(user=citizen)
    assert draft.collectivity == intercommunality
    assert draft.procedure_title == "Inscription à la crèche"
    assert [step["title"] for step in draft.form_snapshot["steps"]] == [
        "",
        "Pièces justificatives",
    ]


def test_a_procedure_offline_or_unknown_gives_404(commune, make_procedure, citizen_client):
    offline = make_procedure(commune, "Au guichet", online=False, counter_place="Mairie")
    assert start(citizen_client, offline).status_code == 404
    url = reverse("citizen_space:request_start", args=[987654])
    assert citizen_client.get(url).status_code == 404


def test_the_first_step_is_prefilled_from_the_profile(procedure, citizen, citizen_client):
    CitizenProfile.objects.create(user=citizen, last_name="Dupont", first_name="Camille")
    response = citizen_client.get(start(citizen_client, procedure)["Location"])
    html = response.content.decode()
    assert re.search(r'<input[^>]*name="last_name"[^>]*value="Dupont"', html)
    assert re.search(r'<input[^>]*name="contact_email"[^>]*value="camille@example.org"', html)
    assert 'id="step-submit"' in html


def test_each_step_is_saved_and_the_draft_resumed_later(procedure, citizen, citizen_client):
    start(citizen_client, procedure)
    draft = Submission.objects.get(user=citizen)
    # A later step cannot be reached before the earlier ones are done.
    response = citizen_client.get(step_url(draft, 2))
    assert response["Location"] == step_url(draft, 1)

    response = post_step(citizen_client, draft, 1, {"last_name": "Martin", "contact_email": ""})
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
    draft.refresh_from_db()
    assert draft.steps_done == 0

    response = post_step(
        citizen_client, draft, 1, {"last_name": "Martin", "contact_email": "c@example.org"}
    )
    assert response["Location"] == step_url(draft, 2)
    draft.refresh_from_db()
    assert draft.answers == {"last_name": "Martin", "contact_email": "c@example.org"}
    assert draft.steps_done == 1

    # Later, from "My space": the draft is listed and resumes at the second step.
    home = citizen_client.get(reverse("citizen_space:home")).content.decode()
    resume_url = reverse("citizen_space:draft_resume", args=[draft.pk])
    assert resume_url in home
    assert "Attestation de domicile" in home
    assert citizen_client.get(resume_url)["Location"] == step_url(draft, 2)
    # Making the request again resumes the same draft rather than starting another.
    assert start(citizen_client, procedure)["Location"] == step_url(draft, 2)
    assert Submission.objects.filter(user=citizen).count() == 1


def test_summary_lists_answers_with_links_to_each_step(procedure, citizen_client):
    draft = fill_draft(citizen_client, procedure)
    assert draft.is_complete
    response = citizen_client.get(reverse("citizen_space:draft_resume", args=[draft.pk]))
    review_url = reverse("citizen_space:draft_review", args=[draft.pk])
    assert response["Location"] == review_url
    html = citizen_client.get(review_url).content.decode()
    for text in ("Martin", "camille@example.org", "justificatif.pdf", "Pour la crèche."):
        assert text in html
    assert f'href="{step_url(draft, 1)}"' in html
    assert f'href="{step_url(draft, 2)}"' in html

    # Changing a step from the summary comes back to the summary.
    response = post_step(
        citizen_client,
        draft,
        1,
        {"last_name": "Martin-Durand", "contact_email": "camille@example.org"},
    )
    assert response["Location"] == review_url


def test_submit_makes_the_request_with_reference_email_and_pdf_receipt(
    procedure, commune, citizen, citizen_client, django_capture_on_commit_callbacks
):
    draft = fill_draft(citizen_client, procedure)
    with django_capture_on_commit_callbacks(execute=True):
        response = submit(citizen_client, draft)
    confirmation_url = reverse("citizen_space:submission_confirmation", args=[draft.pk])
    assert response["Location"] == confirmation_url

    request = Submission.objects.get(pk=draft.pk)
    assert request.status == "submitted"
    assert re.fullmatch(r"SMP-\d{4}-000001", request.reference)
    assert request.submitted_at is not None
    assert request.answers["details"] == "Pour la crèche."
    assert request.notifications.get(event="acknowledgement", channel="email").state == "sent"

    html = citizen_client.get(confirmation_url).content.decode()
    assert request.reference in html
    receipt_url = reverse("citizen_space:submission_receipt", args=[request.pk])
    assert receipt_url in html

    [message] = mail.outbox
    assert message.to == [citizen.email]
    assert request.reference in message.subject
    assert request.reference in message.body
    [(filename, attached, mimetype)] = message.attachments
    assert (filename, mimetype) == (f"accuse-reception-{request.reference}.pdf", "application/pdf")

    response = citizen_client.get(receipt_url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'attachment; filename="accuse-reception-{request.reference}.pdf"'
    )
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response.content.startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in PdfReader(BytesIO(response.content)).pages)
    for expected in (request.reference, commune.name, "Attestation de domicile", "Martin"):
        assert expected in text
    assert "Pour la crèche." in text

    # The request is listed in "My space" with its receipt.
    home = citizen_client.get(reverse("citizen_space:home")).content.decode()
    assert request.reference in home and receipt_url in home
    assert reverse("citizen_space:draft_resume", args=[request.pk]) not in home


def test_a_sent_request_cannot_be_changed(procedure, citizen_client):
    draft = fill_draft(citizen_client, procedure)
    submit(citizen_client, draft)
    confirmation_url = reverse("citizen_space:submission_confirmation", args=[draft.pk])
    response = post_step(citizen_client, draft, 1, {"last_name": "X", "contact_email": "x@a.fr"})
    assert response["Location"] == confirmation_url
    draft.refresh_from_db()
    assert draft.answers["last_name"] == "Martin"


def test_submitting_twice_makes_one_request(procedure, citizen_client):
    draft = fill_draft(citizen_client, procedure)
    first = submit(citizen_client, draft)
    second = submit(citizen_client, draft)
    assert first["Location"] == second["Location"]
    assert second["Location"] == reverse("citizen_space:submission_confirmation", args=[draft.pk])
    assert Submission.objects.filter(status="submitted").count() == 1
    assert Submission.objects.get().reference.endswith("-000001")


def test_answers_no_longer_valid_are_reported_on_the_summary(procedure, citizen_client):
    draft = fill_draft(citizen_client, procedure)
    Submission.objects.filter(pk=draft.pk).update(answers={**draft.answers, "details": None})
    response = submit(citizen_client, draft)
    assert response.status_code == 400
    assert f'href="{step_url(draft, 2)}"' in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == "draft" and draft.reference == ""


def test_another_citizen_gets_404_everywhere(procedure, citizen_client, make_citizen):
    draft = fill_draft(citizen_client, procedure)
    intruder = english_client(make_citizen("intrus@example.org"))
    for url in (
        reverse("citizen_space:draft_resume", args=[draft.pk]),
        step_url(draft, 1),
        reverse("citizen_space:draft_review", args=[draft.pk]),
    ):
        assert intruder.get(url).status_code == 404
    assert submit(intruder, draft).status_code == 404
    submit(citizen_client, draft)
    for name in ("submission_confirmation", "submission_receipt"):
        assert intruder.get(reverse(f"citizen_space:{name}", args=[draft.pk])).status_code == 404
    draft.refresh_from_db()
    assert draft.user.email == "camille@example.org"


def test_my_space_lists_in_a_fixed_number_of_queries(citizen, citizen_client, make_draft):
    def home_queries() -> tuple[int, str]:
        # Warm: making drafts publishes pages, which empties the cached Site of the host.
        citizen_client.get(reverse("citizen_space:home"))
        with CaptureQueriesContext(connection) as queries:
            html = citizen_client.get(reverse("citizen_space:home")).content.decode()
        return len(queries), html

    submission_submit(submission_id=make_draft(citizen).pk)
    few, _html = home_queries()
    for _ in range(3):
        submission_submit(submission_id=make_draft(citizen).pk)
    make_draft(citizen)
    many, html = home_queries()
    assert many == few
    assert html.count('id="request-') == 4 and html.count('id="draft-') == 1


def test_sending_a_request_takes_a_fixed_number_of_queries(procedure, citizen_client):
    draft = fill_draft(citizen_client, procedure)
    with CaptureQueriesContext(connection) as queries:
        assert submit(citizen_client, draft).status_code == 302
    statements = [query["sql"].split()[0] for query in queries.captured_queries]
    # Session and user; then in one transaction: the draft locked with its citizen,
    # collectivity and push webhook, its files, the reference, the update and its history,
    # the acknowledgement in the outbox. The test's own transaction turns BEGIN/COMMIT into
    # savepoints.
    assert len(statements) - statements.count("SAVEPOINT") - statements.count("RELEASE") == 8
