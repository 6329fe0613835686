"""Whole pages kept for anonymous visitors: served without a query, fresh after an edit, never
mixed with the pages of signed-in citizens, their language switch still working."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from pages.models import CommuneHomePage

from .conftest import catalogue_of, host_of, path_of

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def page_cache(settings):
    settings.PAGE_CACHE_SECONDS = 300


def get(client, collectivity, path, **extra):
    return client.get(path, HTTP_HOST=host_of(collectivity), **extra)


def queries_of(client, collectivity, path) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = get(client, collectivity, path)
    assert response.status_code == 200
    return len(captured), response.text


def test_an_anonymous_visitor_gets_the_stored_page_without_a_query(commune, make_procedure):
    make_procedure(commune, "Passeport")
    catalogue = path_of(catalogue_of(commune))
    first, stored = queries_of(Client(), commune, catalogue)
    assert 0 < first <= MAX_QUERIES
    again, served = queries_of(Client(), commune, catalogue)
    assert again == 0
    assert "Passeport" in served
    assert CSRF_INPUT.sub("", served) == CSRF_INPUT.sub("", stored)


def test_each_visitor_gets_a_token_of_their_own_and_may_switch_language(commune):
    get(Client(), commune, "/")  # stored
    visitor = Client(enforce_csrf_checks=True)
    response = get(visitor, commune, "/")
    token = CSRF_INPUT.search(response.text).group(1)
    assert "csrftoken" in response.cookies  # a new visitor's CSRF cookie is set
    assert "Cookie" in response["Vary"]
    switched = visitor.post(
        reverse("set_language"),
        {"language": "en", "next": "/", "csrfmiddlewaretoken": token},
        HTTP_HOST=host_of(commune),
    )
    assert switched.status_code == 302
    assert switched["Location"] == "/en/"


def test_pages_are_kept_per_address_and_language(commune):
    french = get(Client(), commune, "/").text
    english = get(Client(), commune, "/en/").text
    assert '<html lang="fr">' in french and '<html lang="en">' in english


def test_an_edited_page_is_served_fresh_at_once(commune, make_procedure):
    procedure = make_procedure(commune, "Passeport")
    catalogue = path_of(catalogue_of(commune))
    assert "Passeport" in get(Client(), commune, catalogue).text
    assert "Passeport" in get(Client(), commune, path_of(procedure)).text

    procedure.title = "Passeport biométrique"
    procedure.save_revision().publish()
    first, html = queries_of(Client(), commune, catalogue)
    assert "Passeport biométrique" in html
    assert first <= MAX_QUERIES
    assert "Passeport biométrique" in get(Client(), commune, path_of(procedure)).text

    home = CommuneHomePage.objects.get(collectivity=commune)
    home.welcome_title = "Bienvenue à Saint-Martin"
    home.save_revision().publish()
    assert "Bienvenue à Saint-Martin" in get(Client(), commune, "/").text

    procedure.unpublish()
    assert "Passeport" not in get(Client(), commune, catalogue).text


def test_a_collectivity_change_is_shown_at_once(commune):
    get(Client(), commune, "/")
    commune.phone = "04 77 51 00 00"
    commune.save()
    assert "04 77 51 00 00" in get(Client(), commune, "/").text


def test_signed_in_citizens_and_anonymous_visitors_never_get_each_others_pages(commune, make_user):
    anonymous = get(Client(), commune, "/").text  # stored
    citizen = Client()
    citizen.force_login(make_user("citizen@example.org"))
    signed_in = get(citizen, commune, "/").text
    assert reverse("account_logout") in signed_in
    assert reverse("citizen_space:home") in signed_in
    assert reverse("account_logout") not in anonymous
    # What was made for the citizen was not stored for anyone else.
    again = get(Client(), commune, "/").text
    assert reverse("account_logout") not in again
    assert reverse("account_login") in again


def test_a_visitor_with_a_message_to_read_gets_a_page_of_their_own(commune):
    get(Client(), commune, "/")  # stored
    visitor = Client()
    visitor.cookies["messages"] = "any"
    with CaptureQueriesContext(connection) as captured:
        get(visitor, commune, "/")
    assert len(captured) > 0


def test_other_answers_are_not_stored(commune):
    missing = get(Client(), commune, "/no-such-page/")
    assert missing.status_code == 404
    with CaptureQueriesContext(connection) as captured:
        assert get(Client(), commune, "/no-such-page/").status_code == 404
    assert len(captured) > 0
