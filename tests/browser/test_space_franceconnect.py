"""FranceConnect sign-in in Chromium against the local stand-in: the citizen lands in "My
space" with the identity FranceConnect certifies, locked in their details (axe-core checked)."""

import re

import pytest
from playwright.sync_api import expect

from citizen_space.franceconnect.services import franceconnect_enable
from citizen_space.models import CitizenProfile
from commune_sites.models import Collectivity
from tests.browser.fixtures import assert_accessible
from tests.franceconnect.conftest import running_stand_in
from tests.franceconnect.flow import CLIENT_SECRET

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture(scope="session")
def stand_in_for_live_server(live_server):
    """The stand-in, accepting callbacks to Voiron's portal on the live server's port."""
    port = live_server.url.rsplit(":", 1)[1]
    with running_stand_in([f"voiron.portal.localhost:{port}"]) as running:
        yield running


def test_franceconnect_sign_in_fills_and_locks_the_identity(
    page, host_url, demo, stand_in_for_live_server
):
    franceconnect_enable(
        collectivity=Collectivity.objects.get(slug="voiron"),
        client_id="portal-es256",
        secret=CLIENT_SECRET,
        base_url=stand_in_for_live_server.base_url,
    )
    voiron = host_url("voiron")
    page.goto(f"{voiron}/comptes/login/?next=/mon-espace/profil/")
    assert_accessible(page)

    page.locator(".franceconnect__button").click()
    # The stand-in's login, then consent, pages.
    for _prompt in range(2):
        approve = page.get_by_role("button", name=re.compile("^Approve as"))
        approve.wait_for()
        approve.click()
        page.wait_for_load_state()
        if page.url.startswith(voiron):
            break

    page.wait_for_url(f"{voiron}/mon-espace/profil/")
    last_name = page.locator("#id_last_name")
    expect(last_name).to_have_value("DUBOIS")
    expect(last_name).to_be_disabled()
    expect(page.locator("#id_first_name")).to_have_value("Angela Claire Louise")
    expect(page.locator("#id_phone")).to_be_enabled()
    assert_accessible(page)
    assert CitizenProfile.objects.get(last_name="DUBOIS").identity_certified
