"""A citizen's way through the portal in Chromium, on the demo data: from the directory of
communes to a procedure page, in French then in English, each page checked with axe-core."""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.fixtures import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

COMMUNE = "Saint-Étienne-de-Crossey"
CANTEEN = "Inscription à la cantine scolaire"


def card_titles(page) -> list[str]:
    return page.locator(".card__title").all_inner_texts()


def query_of(page) -> dict[str, list[str]]:
    return parse_qs(urlsplit(page.url).query)


def test_from_the_directory_to_a_procedure_page_in_english(page, host_url, demo):
    page.goto(host_url())
    assert_accessible(page)

    # The directory finds the commune with an abbreviated name and without its accents.
    page.get_by_role("searchbox").fill("st etienne")
    page.get_by_role("searchbox").press("Enter")
    page.wait_for_url(re.compile(r"\?q=st\+etienne$"))
    assert card_titles(page) == [COMMUNE]
    assert_accessible(page)

    page.get_by_role("link", name=COMMUNE).click()
    page.wait_for_url(host_url("saint-etienne-de-crossey") + "/")
    expect(page.locator(".site-header__brand")).to_contain_text(COMMUNE)
    assert_accessible(page)

    # The menu's link to the catalogue ("Procedures" until its French translation is in).
    page.locator(".site-header__nav").get_by_role(
        "link", name=re.compile("^(Démarches|Procedures)$")
    ).click()
    page.wait_for_url("**/demarches/")
    everything = card_titles(page)
    assert_accessible(page)

    # A search, then a rubric: fewer results each time, the filters in the address.
    page.locator("#catalogue-q").fill("inscription")
    page.locator("#catalogue-q").press("Enter")
    page.wait_for_url(re.compile(r"\?q=inscription$"))
    found = card_titles(page)
    assert found == ["Inscription sur les listes électorales", CANTEEN]
    assert set(found) < set(everything)
    page.locator(".rubrics").get_by_role("link", name="Enfance et scolarité").click()
    page.wait_for_url(re.compile(r"rubrique=enfance"))
    assert query_of(page) == {"q": ["inscription"], "rubrique": ["enfance"]}
    assert card_titles(page) == [CANTEEN]
    expect(page.locator(".rubric--selected")).to_have_text(re.compile("Enfance et scolarité"))
    assert_accessible(page)

    page.get_by_role("link", name=CANTEEN).click()
    page.wait_for_url("**/demarches/inscription-restauration-scolaire/")
    expect(page.get_by_role("heading", level=1)).to_have_text(CANTEEN)
    assert page.locator("html").get_attribute("lang") == "fr"
    assert_accessible(page)

    # The language switcher keeps the citizen on the same procedure.
    page.locator("#language-select").select_option("en")
    page.locator(".language-switcher [type=submit]").click()
    page.wait_for_url("**/en/demarches/inscription-restauration-scolaire/")
    assert page.locator("html").get_attribute("lang") == "en"
    expect(page.get_by_role("heading", name="How to apply")).to_be_visible()
    expect(page.get_by_role("link", name="Make the request")).to_have_attribute(
        "href", re.compile(r"^/en/mon-espace/demarches/\d+/demande/$")
    )
    assert_accessible(page)

    page.locator(".site-header__nav").get_by_role("link", name="FAQ").click()
    page.wait_for_url(re.compile(r"/faq/$"))
    expect(page.locator(".faq-question").first).to_be_visible()
    assert_accessible(page)
