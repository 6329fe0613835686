"""Consent in Chromium on the demo: asked at the first request to each collectivity, the form
prefilled only with it, listed and withdrawn in "My space". Pages checked with axe-core."""

import re

import pytest
from playwright.sync_api import expect

from citizen_space.models import Consent, ConsentEvent
from commune_sites.models import Collectivity
from portal.demo.accounts import CITIZEN
from tests.browser.fixtures import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

BIRTH_CERTIFICATE = "/demarches/copie-acte-de-naissance/"


def make_the_request(page, portal: str) -> None:
    page.goto(portal + BIRTH_CERTIFICATE)
    page.get_by_role("link", name=re.compile("^(Faire la demande|Make the request)$")).click()


def test_consent_asked_per_collectivity_then_withdrawn(page, host_url, demo):
    voiron, saint_laurent = host_url("voiron"), host_url("saint-laurent-du-pont")
    make_the_request(page, voiron)
    page.wait_for_url(re.compile(r"/comptes/login/\?next="))
    page.locator("#id_login").fill(CITIZEN.email)
    page.locator("#id_password").fill(CITIZEN.password)
    page.locator("#login-form-submit").click()

    # The first request to Voiron: what it would receive, with the citizen's values.
    page.wait_for_url(re.compile(r"/mon-espace/demarches/\d+/demande/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Voiron")
    shared = page.locator(".shared-data")
    for value in ("Martin", CITIZEN.email, "+33612345678", "38500"):
        expect(shared).to_contain_text(value)
    assert_accessible(page)
    page.locator("#consent-accept").click()
    page.wait_for_url(re.compile(r"/mon-espace/brouillons/\d+/etapes/1/$"))
    expect(page.get_by_label("Nom de naissance")).to_have_value("Martin")

    # Voiron does not ask again.
    make_the_request(page, voiron)
    page.wait_for_url(re.compile(r"/mon-espace/brouillons/\d+/etapes/1/$"))

    # Saint-Laurent-du-Pont is another collectivity: asked again; declined, nothing prefilled.
    make_the_request(page, saint_laurent)
    page.wait_for_url(re.compile(r"/mon-espace/demarches/\d+/demande/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Saint-Laurent-du-Pont")
    page.locator("#consent-decline").click()
    page.wait_for_url(re.compile(r"/mon-espace/brouillons/\d+/etapes/1/$"))
    expect(page.get_by_label("Nom de naissance")).to_have_value("")

    # "My space" lists both, with access and since when; withdrawing takes effect at once.
    voiron_pk = Collectivity.objects.get(slug="voiron").pk
    saint_laurent_pk = Collectivity.objects.get(slug="saint-laurent-du-pont").pk
    page.goto(f"{saint_laurent}/mon-espace/partage/")
    assert_accessible(page)
    expect(page.locator(f"#consent-{voiron_pk}")).to_contain_text(re.compile(r"\d{4}"))
    expect(page.locator(f"#consent-grant-{saint_laurent_pk}")).to_be_visible()
    page.locator(f"#consent-withdraw-{voiron_pk}").click()
    expect(page.locator(f"#consent-grant-{voiron_pk}")).to_be_visible()
    expect(page.locator(".messages")).to_contain_text("Voiron")
    assert_accessible(page)

    assert not Consent.objects.filter(withdrawn_at__isnull=True).exists()
    assert list(ConsentEvent.objects.values_list("kind", flat=True)) == ["granted", "withdrawn"]
    # Back to the Voiron draft: its form is no longer prefilled.
    make_the_request(page, voiron)
    page.wait_for_url(re.compile(r"/mon-espace/brouillons/\d+/etapes/1/$"))
    expect(page.get_by_label("Nom de naissance")).to_have_value("")
