"""The portal directory: citizens find their commune's portal."""

import pytest
from wagtail.models import Site

from pages.models import PortalDirectoryPage
from pages.services import portal_directory_ensure

pytestmark = pytest.mark.django_db


def test_the_directory_is_the_root_of_the_portal_domain(settings, directory):
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("portal.localhost", 8000)
    assert site.root_page.specific == directory
    assert portal_directory_ensure() == directory  # idempotent
    assert PortalDirectoryPage.objects.count() == 1


def test_a_citizen_finds_their_commune_by_name_or_postal_code(
    on, directory, commune, other_commune
):
    for query in ("saint martin", "42800"):
        response = on(None).get("/", {"q": query})
        assert response.status_code == 200
        assert 'href="http://saint-martin-la-plaine.portal.localhost:8000/"' in response.text
        assert "Firminy" not in response.text


def test_the_query_stays_in_the_search_field(on, directory, commune):
    response = on(None).get("/", {"q": "martin"})
    assert 'name="q" value="martin"' in response.text


def test_an_unknown_commune_gets_a_clear_message(on, directory, commune):
    response = on(None).get("/en/", {"q": "Trifouillis"})
    assert response.status_code == 200
    assert "We did not find “Trifouillis”" in response.text
    assert "Your commune may not be on the portal yet" in response.text


def test_without_a_query_there_is_no_result_section(on, directory, commune):
    response = on(None).get("/")
    assert response.status_code == 200
    assert 'id="directory-results-title"' not in response.text
