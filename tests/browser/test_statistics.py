"""The statistics in Chromium, on the demo data: the agent of Voiron signs in, lands on
Voiron's statistics (charts as SVG pictures, checked with axe-core), opens the figures and
follows the open-data link; the CSV linked from a commune's footer downloads."""

import csv
import io
import re

import pytest
from playwright.sync_api import expect

from tests.browser.fixtures import assert_accessible
from tests.statistics.test_open_data import HEADER

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

AGENT = ("agent@voiron.example.fr", "demo-agent-2026")


def sign_in(page, email: str, password: str) -> None:
    form = page.locator("#login-form")
    form.locator("input[name=login]").fill(email)
    form.locator("input[name=password]").fill(password)
    form.locator("[type=submit]").click()


def csv_rows(download) -> list[list[str]]:
    with open(download.path(), encoding="utf-8-sig") as file:
        return list(csv.reader(io.StringIO(file.read())))


def test_an_agent_reads_the_statistics_and_their_open_data(page, host_url, demo):
    portal = host_url()
    page.goto(f"{portal}/admin/statistics/")
    page.wait_for_url(re.compile(r"/comptes/login/"))
    sign_in(page, *AGENT)
    page.wait_for_url(f"{portal}/admin/statistics/voiron/")

    months = page.locator("svg[aria-labelledby^='chart-months-title']")
    expect(months).to_be_visible()
    expect(months).to_have_attribute("role", "img")
    expect(months.locator("rect.chart-bar")).to_have_count(12)
    expect(page.locator("svg.statistics-chart")).to_have_count(3)
    assert_accessible(page)

    # The chart's figures, in a table that opens.
    page.locator("summary").first.click()
    expect(page.locator("details").first.locator("tbody tr")).to_have_count(12)
    assert_accessible(page)

    # Another year, chosen without JavaScript.
    last_year = page.locator("select[name=periode] option").nth(2).get_attribute("value")
    page.locator("select[name=periode]").select_option(last_year)
    page.locator("form.statistics-period [type=submit]").click()
    page.wait_for_url(re.compile(rf"periode={last_year}$"))
    expect(months.locator("rect.chart-bar")).to_have_count(12)

    # The collectivity's open data.
    with page.expect_download() as download:
        page.locator("a[href*='demandes.csv']").first.click()
    rows = csv_rows(download.value)
    assert rows[0] == HEADER
    assert {row[1] for row in rows[1:]} == {"Voiron"}
    assert len(rows) > 20


def test_the_commune_footer_links_to_its_open_data(page, host_url, demo):
    page.goto(host_url("saint-laurent-du-pont"))
    link = page.locator("footer").get_by_role("link", name=re.compile("CSV"))
    with page.expect_download() as download:
        link.click()
    rows = csv_rows(download.value)
    assert rows[0] == HEADER
    assert {row[1] for row in rows[1:]} == {"Saint-Laurent-du-Pont"}
    assert_accessible(page)
