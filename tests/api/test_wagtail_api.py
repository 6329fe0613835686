"""Wagtail's API v2: each site sees its own pages, images and documents; useful fields."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from wagtail.documents.models import Document

from pages.models import FaqPage

pytestmark = pytest.mark.django_db

PROCEDURE_FIELDS = "summary,rubrics,collectivity,documents,online,is_incident_report"


def test_a_site_lists_its_own_procedures_with_their_fields(on, commune, passport, compost):
    response = on(commune).get(
        "/api/v2/pages/", {"type": "pages.ProcedurePage", "fields": PROCEDURE_FIELDS}
    )
    assert response.status_code == 200
    items = response.json()["items"]
    assert [item["id"] for item in items] == [passport.pk]
    item = items[0]
    assert item["summary"] == "Prenez rendez-vous pour votre passeport."
    assert item["rubrics"] == [{"slug": "etat-civil", "name": "État civil"}]
    assert item["collectivity"] == {"slug": commune.slug, "name": commune.name, "kind": "commune"}
    assert item["online"] is True
    assert item["documents"][0]["type"] == "document"
    assert item["documents"][0]["value"] == {
        "name": "Photo d’identité",
        "details": "De moins de 6 mois",
    }


def test_the_intercommunality_site_lists_its_own(on, intercommunality, passport, compost):
    response = on(intercommunality).get("/api/v2/pages/", {"type": "pages.ProcedurePage"})
    assert [item["id"] for item in response.json()["items"]] == [compost.pk]


def test_another_site_page_is_not_found(on, other_commune, passport):
    assert on(other_commune).get(f"/api/v2/pages/{passport.pk}/").status_code == 404


def test_the_site_parameter_cannot_show_another_site(on, commune, other_commune, passport):
    response = on(other_commune).get("/api/v2/pages/", {"site": commune.site.hostname})
    assert response.status_code == 400


def test_the_faq_body_is_structured(on, commune):
    faq = FaqPage.objects.get(collectivity=commune, locale__language_code="fr")
    body = on(commune).get(f"/api/v2/pages/{faq.pk}/").json()
    section = body["body"][0]
    assert section["type"] == "section"
    assert {"title", "questions"} <= set(section["value"])
    assert {"question", "answer"} <= set(section["value"]["questions"][0])
    assert body["collectivity"]["slug"] == commune.slug


def test_the_home_page_fields(on, commune):
    listing = on(commune).get("/api/v2/pages/", {"type": "pages.CommuneHomePage"}).json()
    home = on(commune).get(f"/api/v2/pages/{listing['items'][0]['id']}/").json()
    assert home["welcome_title"]
    assert isinstance(home["body"], list)


def test_documents_are_those_of_the_site_collectivity(on, commune, other_commune):
    def document(collectivity, title):
        return Document.objects.create(
            title=title,
            file=SimpleUploadedFile(f"{title}.txt", b"texte"),
            collection_id=collectivity.collection_id,
        )

    own = document(commune, "reglement")
    document(other_commune, "autre")
    items = on(commune).get("/api/v2/documents/").json()["items"]
    assert [item["id"] for item in items] == [own.pk]
