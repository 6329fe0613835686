"""An intercommunality's procedures on its member communes' portals."""

import re

import pytest

from .conftest import catalogue_of, path_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def waste(intercommunality, make_procedure):
    return make_procedure(
        intercommunality, "Demande de composteur", rubrics=["dechets"], summary="Gratuit."
    )


@pytest.fixture
def own(commune, make_procedure):
    return make_procedure(commune, "Inscription à la cantine", rubrics=["enfance"])


def test_a_commune_catalogue_lists_its_intercommunality_procedures_with_their_owner(
    on, commune, waste, own
):
    response = on(commune).get(path_of(catalogue_of(commune)))
    html = response.text
    cards = re.findall(r'<li class="card">(.*?)</li>', html, re.S)
    owner_of = {re.search(r'">([^<]+)</a></h3>', c).group(1): c for c in cards}
    assert "Communauté de communes du Pilat" in owner_of["Demande de composteur"]
    assert "Saint-Martin-la-Plaine" in owner_of["Inscription à la cantine"]


def test_rubric_filters_match_intercommunal_procedures_by_slug(on, commune, waste, own):
    response = on(commune).get(path_of(catalogue_of(commune)), {"rubrique": "dechets"})
    assert "Demande de composteur" in response.text
    assert "Inscription à la cantine" not in response.text


def test_search_finds_intercommunal_procedures(on, commune, waste, own):
    response = on(commune).get(path_of(catalogue_of(commune)), {"q": "composteur"})
    assert "Demande de composteur" in response.text


def test_an_intercommunal_procedure_opens_on_the_commune_portal(on, commune, waste):
    catalogue = catalogue_of(commune)
    listing = on(commune).get(path_of(catalogue)).text
    link = f"{path_of(catalogue)}intercommunalite/{waste.pk}/{waste.slug}/"
    assert f'href="{link}"' in listing
    response = on(commune).get(link)
    assert response.status_code == 200
    header = response.text.split('<main id="contenu"', 1)[0]
    assert "Saint-Martin-la-Plaine" in header
    assert "<h1>Demande de composteur</h1>" in response.text
    assert "Communauté de communes du Pilat" in response.text.split('<main id="contenu"', 1)[1]


def test_a_wrong_slug_redirects_to_the_right_address(on, commune, waste):
    base = f"{path_of(catalogue_of(commune))}intercommunalite/{waste.pk}"
    response = on(commune).get(f"{base}/ancien-nom/")
    assert response.status_code == 301
    assert response["Location"].endswith(f"{base}/{waste.slug}/")


def test_procedures_of_other_collectivities_are_not_found(
    on, commune, other_commune, waste, make_procedure
):
    foreign = make_procedure(other_commune, "Permis de louer")
    catalogue = path_of(catalogue_of(commune))
    assert (
        on(commune).get(f"{catalogue}intercommunalite/{foreign.pk}/{foreign.slug}/").status_code
        == 404
    )
    # Firminy is not a member of the intercommunality.
    other = path_of(catalogue_of(other_commune))
    assert (
        on(other_commune).get(f"{other}intercommunalite/{waste.pk}/{waste.slug}/").status_code
        == 404
    )
    assert "Demande de composteur" not in on(other_commune).get(other).text


def test_unpublished_intercommunal_procedures_are_hidden(on, commune, waste):
    waste.unpublish()
    catalogue = path_of(catalogue_of(commune))
    assert "Demande de composteur" not in on(commune).get(catalogue).text
    assert (
        on(commune).get(f"{catalogue}intercommunalite/{waste.pk}/{waste.slug}/").status_code == 404
    )
