"""The FranceConnect button: only on the portals of collectivities that enabled it."""

import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import get_user_model
from django.template import engines
from django.test import RequestFactory

from .flow import LOGIN_PATH, host

pytestmark = pytest.mark.django_db


def render_button(hostname: str, **include_args) -> str:
    request = RequestFactory().get("/mon-espace/", HTTP_HOST=hostname)
    with_args = " ".join(f'{key}="{value}"' for key, value in include_args.items())
    template = engines["django"].from_string(
        '{% include "franceconnect/button.html"'
        + (f" with {with_args}" if with_args else "")
        + " %}"
    )
    return template.render({}, request)


def test_the_button_shows_on_the_portal_of_a_collectivity_that_enabled_franceconnect(
    ville_a, ville_b, enrol, django_assert_num_queries
):
    enrol(ville_a)

    with django_assert_num_queries(2):  # the Site with its collectivity, its FranceConnect client
        html = render_button(host("ville-a"))

    assert f'action="{LOGIN_PATH}?process=login"' in html
    assert '<span class="franceconnect__brand">FranceConnect</span>' in html
    assert 'href="https://franceconnect.gouv.fr/"' in html
    assert "What is FranceConnect?" in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_the_button_is_absent_elsewhere(ville_a, ville_b, enrol):
    enrol(ville_a)

    assert render_button(host("ville-b")).strip() == ""
    assert render_button("portal.localhost").strip() == ""


def test_the_button_links_to_the_signed_in_account_and_keeps_next(ville_a, enrol):
    enrol(ville_a)

    html = render_button(host("ville-a"), process="connect", next="/mon-espace/")

    assert f'action="{LOGIN_PATH}?process=connect&amp;next=%2Fmon-espace%2F"' in html


def test_sign_in_is_not_found_where_franceconnect_is_not_enabled(ville_a, ville_b, enrol, client):
    enrol(ville_a)

    assert client.post(LOGIN_PATH, HTTP_HOST=host("ville-b")).status_code == 404
    assert client.post(LOGIN_PATH, HTTP_HOST="portal.localhost").status_code == 404


def test_an_account_linked_elsewhere_is_listed_on_any_portal(ville_a, ville_b, client):
    user = get_user_model().objects.create_user("angela")
    SocialAccount.objects.create(
        user=user,
        provider="franceconnect",
        uid="sub",
        extra_data={"userinfo": {"given_name": "Angela", "family_name": "DUBOIS"}},
    )
    client.force_login(user)

    response = client.get("/comptes/3rdparty/", HTTP_HOST=host("ville-b"))

    assert response.status_code == 200
    assert "Angela DUBOIS" in response.content.decode()


def test_the_button_keeps_the_pages_next(ville_a, enrol):
    enrol(ville_a)
    request = RequestFactory().get(
        "/comptes/login/?next=/mon-espace/demandes/", HTTP_HOST=host("ville-a")
    )

    html = (
        engines["django"]
        .from_string('{% include "franceconnect/button.html" %}')
        .render({}, request)
    )

    assert "next=%2Fmon-espace%2Fdemandes%2F" in html
