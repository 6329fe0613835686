"""Searching the catalogue: ranking, accents, partial words, typos, synonyms, rubrics."""

import re

import pytest

from pages.models import SearchSynonym

from .conftest import catalogue_of, path_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def procedures(commune, make_procedure):
    return {
        "passport": make_procedure(commune, "Passeport", rubrics=["etat-civil"]),
        "identity": make_procedure(
            commune,
            "Carte nationale d'identité",
            rubrics=["etat-civil"],
            summary="Demander ou renouveler une carte d'identité (comme pour un passeport).",
        ),
        "birth": make_procedure(
            commune,
            "Acte de naissance",
            rubrics=["etat-civil"],
            summary="Copie intégrale ou extrait, pour l'état civil.",
        ),
        "building": make_procedure(
            commune,
            "Permis de construire",
            rubrics=["urbanisme"],
            summary="Déposer une demande de permis pour une construction nouvelle.",
        ),
        "pothole": make_procedure(
            commune,
            "Signaler un nid de poule",
            rubrics=["voirie"],
            summary="Un trou dans la chaussée ? Prévenez les services techniques.",
            is_incident_report=True,
        ),
        "state": make_procedure(commune, "Changement de prénom à l'état civil", rubrics=[]),
    }


@pytest.fixture
def search(on, commune, procedures):
    """Titles of the results, in their order, for a query (and rubrics)."""
    url = path_of(catalogue_of(commune))

    def run(query="", rubriques=()):
        response = on(commune).get(url, {"q": query, "rubrique": list(rubriques)})
        assert response.status_code == 200
        return re.findall(r'<h3 class="card__title"><a href="[^"]+">([^<]+)</a>', response.text)

    return run


def test_without_filters_every_procedure_is_listed_by_title(search, procedures):
    titles = search()
    assert len(titles) == len(procedures)
    assert titles == sorted(titles)


def test_a_title_match_comes_before_a_text_match(search):
    titles = search("passeport")
    assert titles[:2] == ["Passeport", "Carte nationale d&#x27;identité"]


def test_accents_do_not_matter(search):
    assert search("etat civil")[0] == "Changement de prénom à l&#x27;état civil"
    assert "Acte de naissance" in search("ETAT CIVIL")


def test_the_start_of_a_word_is_enough(search):
    assert search("passep")[0] == "Passeport"
    assert search("permis constr")[0] == "Permis de construire"


def test_typos_are_tolerated(search):
    assert search("pasport")[0] == "Passeport"
    assert search("acte de naisance")[0] == "Acte de naissance"
    assert search("permi de construre")[0] == "Permis de construire"


def test_unrelated_words_find_nothing_and_say_so(on, commune, search):
    assert search("piscine") == []
    response = on(commune).get(f"/en{path_of(catalogue_of(commune))}", {"q": "piscine"})
    assert "No procedure matches “piscine”" in response.text


def test_default_synonyms_expand_the_query(search):
    assert search("CNI")[0] == "Carte nationale d&#x27;identité"
    assert search("titre d'identité")[0] == "Passeport"  # passeport ↔ titre d'identité


def test_a_synonym_added_by_an_editor_works_at_once(commune, search):
    assert "Signaler un nid de poule" not in search("trou route")
    SearchSynonym.objects.create(collectivity=commune, term="trou route", expansions="nid de poule")
    assert search("trou route")[0] == "Signaler un nid de poule"


def test_another_collectivity_synonyms_do_not_apply(other_commune, search):
    SearchSynonym.objects.create(collectivity=other_commune, term="bitume", expansions="chaussée")
    assert search("bitume") == []


def test_rubrics_filter_and_combine(search):
    assert set(search(rubriques=["urbanisme"])) == {"Permis de construire"}
    assert set(search(rubriques=["urbanisme", "voirie"])) == {
        "Permis de construire",
        "Signaler un nid de poule",
    }


def test_rubrics_combine_with_the_search(search):
    assert search("passeport", rubriques=["etat-civil"])[0] == "Passeport"
    assert search("passeport", rubriques=["urbanisme"]) == []


def test_rubric_buttons_toggle_in_the_url_and_keep_the_query(on, commune, procedures):
    url = path_of(catalogue_of(commune))
    response = on(commune).get(url, {"q": "acte", "rubrique": "etat-civil"})
    html = response.text
    # Selected: its link removes it; others add themselves to the selection.
    assert f'href="{url}?q=acte"' in html
    assert f'href="{url}?q=acte&amp;rubrique=etat-civil&amp;rubrique=urbanisme"' in html
    assert 'class="rubric rubric--selected"' in html
    assert '<input type="hidden" name="rubrique" value="etat-civil">' in html


def test_unknown_rubrics_and_odd_input_are_harmless(search):
    assert search(rubriques=["n-existe-pas"]) == []
    assert search("<script>'\"%_") == []
    assert search("   ") == search()


def test_long_catalogues_are_paginated_in_the_url(on, commune, make_procedure):
    for number in range(25):
        make_procedure(commune, f"Autorisation {number:02d}", rubrics=["voirie"])
    url = path_of(catalogue_of(commune))
    first = on(commune).get(url, {"rubrique": "voirie"}).text
    assert first.count('<li class="card">') == 20
    assert "25 procedures" in on(commune).get(f"/en{url}", {"rubrique": "voirie"}).text
    assert f'href="{url}?rubrique=voirie&amp;page=2"' in first
    second = on(commune).get(url, {"rubrique": "voirie", "page": 2}).text
    assert second.count('<li class="card">') == 5
    assert "Autorisation 24" in second and "Autorisation 00" not in second
    assert f'href="{url}?rubrique=voirie"' in second  # back to the first page
    # Choosing another rubric starts again from the first page.
    assert f'href="{url}?rubrique=voirie&amp;rubrique=urbanisme"' in second
    assert on(commune).get(url, {"page": "x"}).status_code == 200
