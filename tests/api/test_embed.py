"""The embed widget's answers: content, no cookies, framing, CORS, language."""

import json
import re

import pytest

from .fixtures import root_of

pytestmark = pytest.mark.django_db


def assert_embeddable(response):
    assert response.status_code == 200
    assert "Set-Cookie" not in response
    assert response.cookies == {}
    assert "X-Frame-Options" not in response
    assert response["Content-Security-Policy"] == "frame-ancestors *"
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "public" in response["Cache-Control"]


def titles(html: str) -> list[str]:
    return re.findall(r'<p class="pc-card__title"><a [^>]+>([^<]+)</a>', html)


def test_the_list_fragment(on, commune, passport, compost):
    response = on(commune).get("/integration/demarches/fragment/")
    assert_embeddable(response)
    html = response.text
    assert titles(html) == ["Demande de composteur", "Demande de passeport"]
    assert f'href="{root_of(commune)}/demarches/demande-de-passeport/"' in html
    assert 'target="_top"' not in html
    assert "<html" not in html


def test_the_list_is_searched_and_filtered(on, commune, passport, compost):
    searched = on(commune).get("/integration/demarches/fragment/", {"q": "passeport"}).text
    assert titles(searched) == ["Demande de passeport"]
    filtered = on(commune).get("/integration/demarches/fragment/", {"rubrique": "voirie"}).text
    assert titles(filtered) == ["Demande de composteur"]
    link = re.search(r'<a class="pc-rubric pc-rubric--selected" href="([^"]+)"', filtered)
    assert link.group(1) == f"{root_of(commune)}/integration/demarches/fragment/?lang=fr"


def test_the_list_document_for_iframes(on, commune, passport):
    response = on(commune).get("/integration/demarches/")
    assert_embeddable(response)
    assert response.text.startswith("<!DOCTYPE html>")
    assert 'target="_top"' in response.text
    assert f'action="{root_of(commune)}/integration/demarches/"' in response.text


def test_the_language_of_the_snippet(on, commune, passport):
    english = on(commune).get("/integration/demarches/fragment/", {"lang": "en"}).text
    assert '<div class="pc-widget" lang="en">' in english
    assert 'name="lang" value="en"' in english
    unknown = on(commune).get("/integration/demarches/fragment/", {"lang": "xx"}).text
    assert '<div class="pc-widget" lang="fr">' in unknown


def test_the_button_of_an_online_procedure_starts_the_request(on, commune, passport):
    response = on(commune).get(f"/integration/demarches/{passport.pk}/bouton/fragment/")
    assert_embeddable(response)
    request_url = f"{root_of(commune)}/mon-espace/demarches/{passport.pk}/demande/"
    assert f'href="{request_url}"' in response.text
    assert "Demande de passeport" in response.text


def test_the_button_of_a_counter_procedure_leads_to_its_page(on, commune, compost):
    response = on(commune).get(f"/integration/demarches/{compost.pk}/bouton/")
    assert_embeddable(response)
    page_url = f"{root_of(commune)}/demarches/intercommunalite/{compost.pk}/demande-de-composteur/"
    assert f'href="{page_url}" target="_top"' in response.text


def test_a_procedure_offered_elsewhere_has_no_button(on, other_commune, passport):
    url = f"/integration/demarches/{passport.pk}/bouton/fragment/"
    assert on(other_commune).get(url).status_code == 404


def test_the_directory_host_has_no_widget(on, directory):
    assert on().get("/integration/demarches/").status_code == 404
    assert on().get("/integration/embed.js").status_code == 404


def test_the_script_is_configured_for_the_portal_serving_it(on, commune):
    response = on(commune).get("/integration/embed.js")
    assert_embeddable(response)
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    config = json.loads(re.search(r"var config = (\{.*?\});\n", response.text).group(1))
    root = root_of(commune)
    assert config["procedures"] == f"{root}/integration/demarches/fragment/"
    assert config["button"] == f"{root}/integration/demarches/{{id}}/bouton/fragment/"
    assert config["stylesheet"] == f"{root}/static/embed/widget.css"
    assert set(config["messages"]) == {"fr", "en"}


def test_the_widget_is_rate_limited(on, commune, settings):
    settings.PUBLIC_API_RATE = "2/m"
    statuses = [on(commune).get("/integration/demarches/").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]


def test_the_integration_page_shows_a_commune_snippets_from_the_directory(on, commune, passport):
    response = on().get("/integration/", {"commune": commune.slug})
    assert response.status_code == 200
    script = f'<script src="{root_of(commune)}/integration/embed.js" async></script>'
    assert script in response.text
    assert f'<div data-portail-demarche="{passport.pk}"></div>' in response.text


def test_the_integration_page_of_a_commune(on, commune):
    response = on(commune).get("/integration/")
    assert f"{root_of(commune)}/integration/demarches/" in response.text
