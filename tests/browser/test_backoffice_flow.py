"""The back office in Chromium: an agent signs in with a TOTP code, filters the inbox, opens a
request and asks for a document; the citizen finds it in "Mes actions à faire" and sends it;
the agent accepts the request; the citizen sees the final status and got the emails. The
citizen's pages are checked with axe-core."""

import datetime
import re
import time

import pytest
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.core import mail
from django.utils import timezone, translation
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from citizen_space.models import ActionRequest, Submission
from citizen_space.workflow import Status
from tests.backoffice.conftest import (  # noqa: F401  (fixtures)
    PASSWORD,
    citizen,
    commune_a,
    commune_b,
    english,
    intercommunality,
    make_agent,
    make_procedure,
    make_request,
    make_user,
    private_media,
    supervisors,
)
from tests.browser.fixtures import assert_accessible
from tests.citizen_space.conftest import pdf_bytes

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"
EXPLANATION = "Merci d'envoyer une facture de moins de trois mois."


def totp_code() -> str:
    return format_hotp_value(hotp_value(SECRET, int(time.time()) // 30))


@pytest.fixture
def portal(live_server, settings):
    """The live server's port in the Sites' addresses; the second factor required."""
    port = int(live_server.url.rsplit(":", 1)[1])
    settings.PORTAL_DOMAIN = f"portal.localhost:{port}"
    settings.PORTAL_PORT = port
    settings.STAFF_MFA_REQUIRED = True
    settings.LANGUAGE_CODE = "fr"
    return f"http://portal.localhost:{port}"


@pytest.fixture
def flow(portal, commune_a, make_procedure, make_request, make_agent, make_user):  # noqa: F811
    procedure = make_procedure(commune_a)
    other = make_request(make_procedure(commune_a, "Stationnement"), user=make_user("sam@ex.fr"))
    request = make_request(procedure, language="fr")
    agent = make_agent(commune_a, first_name="Nadia", last_name="Benali")
    TOTP.activate(agent, SECRET)
    profile = UserProfile.get_for_user(agent)
    profile.preferred_language = "en"  # the admin in English, whatever its catalogue holds
    profile.save()
    return {
        "request": request,
        "other": other,
        "agent": agent,
        "commune": f"http://{commune_a.slug}.portal.localhost:{portal.rsplit(':', 1)[1]}",
    }


def sign_in(page, email: str) -> None:
    form = page.locator("#login-form")
    form.locator("input[name=login]").fill(email)
    form.locator("input[name=password]").fill(PASSWORD)
    form.locator("[type=submit]").click()


def test_agent_and_citizen_through_a_request(browser, page, portal, flow, citizen, tmp_path):  # noqa: F811
    request = flow["request"]
    mail.outbox.clear()

    # The agent: the admin sends to allauth's sign-in, then asks for the TOTP code.
    page.goto(f"{portal}/admin/")
    page.wait_for_url(re.compile(r"/comptes/login/"))
    sign_in(page, flow["agent"].email)
    page.wait_for_url(re.compile(r"/comptes/2fa/authenticate/"))
    page.locator("input[name=code]").fill(totp_code())
    page.locator("input[name=code]").press("Enter")
    page.wait_for_url(f"{portal}/admin/")

    # The inbox, filtered on the procedure: only this request is left.
    page.goto(f"{portal}/admin/demandes/")
    table = page.locator("table.listing")
    expect(table).to_contain_text(request.reference)
    expect(table).to_contain_text(flow["other"].reference)
    page.get_by_role("button", name="Filter").click()
    page.get_by_role("button", name="Procedure").click()
    page.get_by_label("Procedure").select_option(label="Attestation de domicile")
    expect(table).not_to_contain_text(flow["other"].reference)
    expect(table).to_contain_text(request.reference)
    table.get_by_role("link", name=request.reference).click()
    page.wait_for_url(re.compile(rf"/admin/demandes/{request.pk}/$"))
    expect(page.locator("#request-status")).to_contain_text("Submitted")

    # Asks the citizen for a document.
    page.get_by_text("Ask the citizen for a document or information").click()
    form = page.locator("#action-request-form")
    form.get_by_label("What is asked").select_option("document")
    form.get_by_label("Explanation for the citizen").fill(EXPLANATION)
    due = timezone.localdate() + datetime.timedelta(days=10)
    form.get_by_label("To do before").fill(due.isoformat())
    form.get_by_role("button", name="Ask").click()
    expect(page.locator("#request-status")).to_contain_text("Action required")

    # The citizen, in their own browser: "Mes actions à faire", then the answer with a file.
    citizen_context = browser.new_context(locale="fr-FR", timezone_id="Europe/Paris")
    citizen_page = citizen_context.new_page()
    citizen_page.set_default_timeout(15_000)
    citizen_page.goto(f"{flow['commune']}/comptes/login/?next=/mon-espace/actions/")
    sign_in(citizen_page, citizen.email)
    citizen_page.wait_for_url(re.compile(r"/mon-espace/actions/$"))
    assert_accessible(citizen_page)
    citizen_page.locator("#actions-table a").first.click()
    expect(citizen_page.locator("#action-explanation")).to_have_text(EXPLANATION)
    assert_accessible(citizen_page)
    invoice = tmp_path / "facture.pdf"
    invoice.write_bytes(pdf_bytes())
    answer = citizen_page.locator("#action-answer-form")
    answer.locator("input[type=file]").set_input_files(invoice)
    answer.locator("textarea").fill("Voici ma facture d'électricité.")
    answer.locator("[type=submit]").click()
    # Back on the request's page, which the answer returned to the town hall's queue.
    citizen_page.wait_for_url(re.compile(rf"/mon-espace/demandes/{request.pk}/$"))
    [action] = ActionRequest.objects.filter(submission=request)
    assert action.status == "answered" and action.answer_text.startswith("Voici ma facture")
    assert action.uploads.get().original_name == "facture.pdf"
    assert_accessible(citizen_page)

    # The agent finds the request back in progress, with the file, and accepts it.
    page.reload()
    expect(page.locator("#request-status")).to_contain_text("In progress")
    expect(page.get_by_role("link", name="facture.pdf")).to_be_visible()
    page.locator("#transition-form textarea").fill("Dossier complet, merci.")
    page.locator("#transition-form").get_by_role("button", name="Accept").click()
    expect(page.locator("#request-status")).to_contain_text("Accepted")

    # The citizen sees the final status and the agent's comment.
    citizen_page.goto(f"{flow['commune']}/mon-espace/demandes/{request.pk}/")
    expect(citizen_page.locator("#request-status")).to_have_text(re.compile("Accept"))  # -ée
    expect(citizen_page.locator("#timeline")).to_contain_text("Dossier complet, merci.")
    assert_accessible(citizen_page)
    citizen_context.close()

    assert Submission.objects.get(pk=request.pk).status == "accepted"
    # The action request's email and the decision's, in the request's language (French).
    asked, decided = [m for m in mail.outbox if m.to == [citizen.email]]
    assert request.reference in asked.subject and request.reference in decided.subject
    assert EXPLANATION in asked.body
    with translation.override("fr"):
        assert str(Status.ACCEPTED.label) in decided.subject
    assert decided.extra_headers["Content-Language"] == "fr"
