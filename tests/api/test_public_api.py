"""Contract of the public catalogue API: what each endpoint answers."""

import pytest

from .fixtures import catalogue_of, root_of

pytestmark = pytest.mark.django_db

COLLECTIVITY_KEYS = {
    "slug",
    "name",
    "kind",
    "code",
    "postal_codes",
    "intercommunality",
    "portal_url",
    "contact",
}


def test_the_directory_lists_the_collectivities_by_name(on, commune, other_commune):
    body = on().get("/api/v1/collectivities").json()
    assert body["count"] == 3
    assert [c["name"] for c in body["results"]] == [
        "Communauté de communes du Pilat",
        "Firminy",
        "Saint-Martin-la-Plaine",
    ]
    entry = body["results"][2]
    assert set(entry) == COLLECTIVITY_KEYS
    assert entry["kind"] == "commune"
    assert entry["postal_codes"] == ["42800"]
    assert entry["intercommunality"] == {
        "slug": "communaute-de-communes-du-pilat",
        "name": "Communauté de communes du Pilat",
        "kind": "intercommunality",
    }
    assert entry["portal_url"] == root_of(commune) + "/"
    assert entry["contact"]["email"] == "mairie@example.org"


@pytest.mark.parametrize("query", ["st martin", "SAINT-MART", "428", "martin 42800"])
def test_the_directory_search_matches_as_the_directory_page(on, commune, other_commune, query):
    body = on().get("/api/v1/collectivities", {"q": query}).json()
    assert [c["slug"] for c in body["results"]] == [commune.slug]


def test_the_directory_is_paginated(on, commune, other_commune):
    first = on().get("/api/v1/collectivities", {"page_size": 2}).json()
    assert (first["count"], len(first["results"]), first["previous"]) == (3, 2, None)
    assert first["next"] == "http://portal.localhost:8000/api/v1/collectivities?page_size=2&page=2"
    second = on().get(first["next"]).json()
    assert [c["name"] for c in second["results"]] == ["Saint-Martin-la-Plaine"]
    assert second["next"] is None
    assert second["previous"].endswith("page=1")


def test_a_collectivity(on, commune):
    body = on().get(f"/api/v1/collectivities/{commune.slug}").json()
    assert set(body) == COLLECTIVITY_KEYS
    assert body["name"] == "Saint-Martin-la-Plaine"


def test_an_unknown_collectivity_is_not_found(on, commune):
    response = on().get("/api/v1/collectivities/nowhere/procedures")
    assert response.status_code == 404
    assert response.json() == {"detail": "No collectivity on the portal has this slug."}


def test_a_commune_lists_its_procedures_and_its_intercommunality_ones(
    on, commune, passport, compost
):
    body = on().get(f"/api/v1/collectivities/{commune.slug}/procedures").json()
    assert body["count"] == 2
    compost_entry, passport_entry = body["results"]
    root = root_of(commune)
    assert passport_entry == {
        "id": passport.pk,
        "title": "Demande de passeport",
        "description": "Prenez rendez-vous pour votre passeport.",
        "online": True,
        "incident_report": False,
        "rubrics": [{"slug": "etat-civil", "name": "État civil"}],
        "collectivity": {"slug": commune.slug, "name": commune.name, "kind": "commune"},
        "intercommunal": False,
        "language": "fr",
        "url": f"{root}/demarches/demande-de-passeport/",
        "stable_url": f"{root}/d/{passport.pk}/",
        "request_url": f"{root}/mon-espace/demarches/{passport.pk}/demande/",
        "last_published_at": passport_entry["last_published_at"],
    }
    assert compost_entry["collectivity"]["kind"] == "intercommunality"
    assert compost_entry["intercommunal"] is True
    assert compost_entry["online"] is False
    assert compost_entry["request_url"] is None
    catalogue_url = f"{root}/demarches/"
    assert compost_entry["url"] == (
        f"{catalogue_url}intercommunalite/{compost.pk}/demande-de-composteur/"
    )
    assert compost_entry["stable_url"] == f"{root}/d/{compost.pk}/"


def test_procedures_are_searched_and_filtered_as_on_the_catalogue(on, commune, passport, compost):
    url = f"/api/v1/collectivities/{commune.slug}/procedures"
    by_words = on().get(url, {"q": "pasport"}).json()
    assert [p["id"] for p in by_words["results"]] == [passport.pk]
    by_rubric = on().get(url, {"rubric": ["voirie"]}).json()
    assert [p["id"] for p in by_rubric["results"]] == [compost.pk]
    any_rubric = on().get(url, {"rubric": ["voirie", "etat-civil"]}).json()
    assert any_rubric["count"] == 2


def test_a_procedure_in_detail(on, commune, passport):
    body = on().get(f"/api/v1/procedures/{passport.pk}").json()
    assert body["title"] == "Demande de passeport"
    assert body["documents_to_prepare"] == [
        {"name": "Photo d’identité", "details": "De moins de 6 mois"}
    ]
    assert body["stable_url"] == f"{root_of(commune)}/d/{passport.pk}/"


def test_an_unpublished_procedure_is_not_found(on, passport):
    passport.unpublish()
    assert on().get(f"/api/v1/procedures/{passport.pk}").status_code == 404


def test_rubrics_link_to_the_filtered_catalogue(on, commune):
    body = on().get(f"/api/v1/collectivities/{commune.slug}/rubrics").json()
    first = body["results"][0]
    assert first["slug"] == "etat-civil"
    assert first["catalogue_url"] == f"{root_of(commune)}/demarches/?rubrique=etat-civil"
    assert body["count"] == len(catalogue_of(commune).collectivity.rubrics.all())


def test_faq_entries(on, commune):
    body = on().get(f"/api/v1/collectivities/{commune.slug}/faq", {"page_size": 100}).json()
    assert body["count"] >= 1
    entry = body["results"][0]
    assert entry["url"].startswith(f"{root_of(commune)}/faq/#")
    assert entry["answer_text"] and "<" not in entry["answer_text"]
