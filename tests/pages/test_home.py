"""A commune's home page: welcome, call to action, editable sections."""

import pytest

from pages.models import CommuneHomePage

from .conftest import catalogue_of, path_of

pytestmark = pytest.mark.django_db


def test_the_home_page_renders_its_default_sections(on, commune):
    response = on(commune).get("/")
    assert response.status_code == 200
    html = response.text
    assert "<h1" in html and "Bienvenue" in html
    for title in ("Accessibilité", "Services en ligne", "Visibilité", "Interaction", "Automatique"):
        assert f'<h3 class="feature__title">{title}</h3>' in html
    catalogue = path_of(catalogue_of(commune))
    assert f'action="{catalogue}"' in html  # the procedure search box leads to the catalogue
    header = html.split("</header>", 1)[0]
    assert "Saint-Martin-la-Plaine" in header
    assert f'href="{catalogue}"' in header
    assert 'href="/faq/"' in header


def test_anonymous_citizens_are_invited_to_sign_in(on, commune):
    html = on(commune).get("/en/").text
    assert "Sign in" in html
    assert "My space" not in html


def test_signed_in_citizens_go_to_their_space(client, on, commune, make_user):
    client.force_login(make_user("citizen@example.org"))
    html = on(commune).get("/en/").text
    assert "My space" in html
    assert "/mon-espace/" in html


def test_editors_put_procedures_forward(on, commune, make_procedure):
    passport = make_procedure(commune, "Passeport")
    home = CommuneHomePage.objects.get(collectivity=commune)
    home.body.append(
        ("highlighted_procedures", {"heading": "Les plus demandées", "procedures": [passport]})
    )
    home.save_revision().publish()
    html = on(commune).get("/").text
    assert "<h2>Les plus demandées</h2>" in html
    assert f'href="{path_of(passport)}"' in html


def test_each_portal_shows_its_own_collectivity(on, commune, other_commune):
    assert "Firminy" in on(other_commune).get("/").text.split("</header>", 1)[0]
    assert "Firminy" not in on(commune).get("/").text
