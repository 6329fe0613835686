"""Every page of "My space" in Chromium, on the demo with a request sent to Voiron: the list,
the request's page and its messages, the actions to do and their answer, the details, the
notifications, the account and the download of one's data; each checked with axe-core."""

import datetime
import io
import json
import re
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.core.files.storage import FileSystemStorage
from django.utils import timezone
from playwright.sync_api import expect

from citizen_space.models import ActionRequest, Submission, Upload
from citizen_space.selectors import notification_preferences
from citizen_space.services.conversation import message_post
from citizen_space.services.references import reference_allocate
from citizen_space.workflow import Status
from forms_builder.snapshot import form_snapshot
from pages.models import ProcedurePage
from portal.demo.accounts import CITIZEN
from tests.browser.fixtures import assert_accessible

from .test_request_flow import pdf_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(autouse=True)
def private_media(tmp_path, monkeypatch):
    field = Upload._meta.get_field("file")
    monkeypatch.setattr(field, "storage", FileSystemStorage(location=tmp_path / "private"))


@pytest.fixture
def sent_request(demo) -> Submission:
    """A birth certificate request of the demo citizen, sent to Voiron, with a message and an
    action request from the town hall."""
    procedure = ProcedurePage.objects.get(
        slug="copie-acte-de-naissance", collectivity__slug="voiron", locale__language_code="fr"
    )
    submission = Submission.objects.create(
        user=get_user_model().objects.get(email=CITIZEN.email),
        collectivity=procedure.collectivity,
        procedure=procedure,
        procedure_title=procedure.title,
        form_snapshot=form_snapshot(procedure.form),
        answers={"last_name": "Martin", "first_names": "Camille"},
        status=Status.SUBMITTED,
        # The demo's past requests hold the first numbers of the year.
        reference=reference_allocate(
            collectivity=procedure.collectivity, year=timezone.localdate().year
        ),
        submitted_at=timezone.now(),
    )
    message_post(
        submission=submission,
        author=None,
        body="Bonjour, nous traitons votre demande.",
        files=[],
        from_citizen=False,
    )
    ActionRequest.objects.create(
        submission=submission,
        kind=ActionRequest.Kind.DOCUMENT,
        explanation="Merci de joindre une pièce d’identité.",
        due_date=timezone.localdate() + datetime.timedelta(days=8),
    )
    return submission


@pytest.fixture
def identity_card(tmp_path):
    path = tmp_path / "carte-identite.pdf"
    path.write_bytes(pdf_bytes())
    return path


def test_every_page_of_my_space(page, host_url, sent_request, identity_card):
    voiron = host_url("voiron")
    page.goto(f"{voiron}/comptes/login/?next=/mon-espace/")
    page.locator("#id_login").fill(CITIZEN.email)
    page.locator("#id_password").fill(CITIZEN.password)
    page.locator("#login-form-submit").click()
    page.wait_for_url(f"{voiron}/mon-espace/")

    # My requests, with the notice of the action to do.
    expect(page.locator("#actions-notice")).to_be_visible()
    row = page.locator(f"#request-{sent_request.pk}")
    expect(row).to_contain_text(sent_request.reference)
    expect(row).to_contain_text("Voiron")
    assert_accessible(page)

    # The request's page: status, history, messages; the citizen writes with a file.
    row.get_by_role("link", name=sent_request.reference, exact=True).click()
    page.wait_for_url(f"{voiron}/mon-espace/demandes/{sent_request.pk}/")
    expect(page.locator("#messages")).to_contain_text("nous traitons votre demande")
    assert_accessible(page)
    page.locator("#id_body").fill("Merci, voici mon justificatif.")
    page.locator("#id_files").set_input_files(identity_card)
    page.locator("#message-form-submit").click()
    page.wait_for_url(re.compile(r"#messages$"))
    mine = page.locator(".conversation__message--mine")
    expect(mine).to_contain_text("voici mon justificatif")
    expect(mine.get_by_role("link", name="carte-identite.pdf")).to_be_visible()
    assert_accessible(page)

    # My actions to do, then the answer: an empty one is refused, then text and a file.
    page.locator("#space-nav-actions").click()
    page.wait_for_url(f"{voiron}/mon-espace/actions/")
    assert_accessible(page)
    action = ActionRequest.objects.get()
    page.locator(f"#action-{action.pk}").get_by_role("link").click()
    page.wait_for_url(f"{voiron}/mon-espace/actions/{action.pk}/")
    expect(page.locator("#action-explanation")).to_contain_text("pièce d’identité")
    assert_accessible(page)
    page.locator("#action-answer-form-submit").click()
    expect(page.locator("#action-answer-form-errors")).to_be_visible()
    assert_accessible(page)
    page.locator("#id_text").fill("Voici ma carte d’identité.")
    page.locator("#id_files").set_input_files(identity_card)
    page.locator("#action-answer-form-submit").click()
    page.wait_for_url(f"{voiron}/mon-espace/demandes/{sent_request.pk}/")
    action.refresh_from_db()
    assert action.status == ActionRequest.Status.ANSWERED
    assert action.uploads.get().original_name == "carte-identite.pdf"
    page.locator("#space-nav-actions").click()
    expect(page.locator("#no-actions")).to_be_visible()

    # My details, sharing, notifications, account.
    page.locator("#space-nav-profile").click()
    expect(page.locator("#id_last_name")).to_have_value("Martin")
    assert_accessible(page)
    page.locator("#space-nav-consents").click()
    assert_accessible(page)
    page.locator("#space-nav-notifications").click()
    assert_accessible(page)
    page.locator("#id_message_received").uncheck()
    page.locator("#notifications-form-submit").click()
    expect(page.locator(".messages")).to_be_visible()
    user = sent_request.user
    assert notification_preferences(user)["message_received"] is False
    page.locator("#space-nav-account").click()
    assert_accessible(page)
    page.locator("#password-change-link").click()
    page.wait_for_url(re.compile(r"/comptes/password/change/$"))
    assert_accessible(page)
    page.go_back()

    with page.expect_download() as download_info:
        page.locator("#data-download").click()
    archive = zipfile.ZipFile(io.BytesIO(download_info.value.path().read_bytes()))
    data = json.loads(archive.read("mes-donnees.json"))
    (request,) = data["requests"]
    assert request["reference"] == sent_request.reference
    assert [m["from_me"] for m in request["messages"]] == [False, True]
    answer_file = request["action_requests"][0]["files"][0]
    assert archive.read(answer_file) == pdf_bytes()
