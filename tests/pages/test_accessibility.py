"""The public pages pass axe-core (WCAG 2.1 AA) in Chromium."""

import pytest

from tests.browser.fixtures import assert_accessible

from .conftest import catalogue_of, path_of

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def portal(directory, commune, intercommunality, make_procedure):
    make_procedure(commune, "Passeport", rubrics=["etat-civil"], processing_time="3 semaines")
    make_procedure(
        commune,
        "Recensement citoyen",
        rubrics=["citoyennete"],
        online=False,
        counter_place="Mairie, 1 place de l'Église",
        counter_hours="Du lundi au vendredi, 9 h – 12 h",
    )
    waste = make_procedure(intercommunality, "Demande de composteur", rubrics=["dechets"])
    catalogue = path_of(catalogue_of(commune))
    return {
        "directory": [(None, "/"), (None, "/?q=martin"), (None, "/?q=Trifouillis")],
        "commune": [
            (commune.slug, "/"),
            (commune.slug, "/faq/"),
            (commune.slug, catalogue),
            (commune.slug, f"{catalogue}?q=passeport&rubrique=etat-civil"),
            (commune.slug, f"{catalogue}passeport/"),
            (commune.slug, f"{catalogue}recensement-citoyen/"),
            (commune.slug, f"{catalogue}intercommunalite/{waste.pk}/{waste.slug}/"),
            (commune.slug, f"/en{catalogue}"),
        ],
    }


def test_public_pages_have_no_serious_violation(page, host_url, portal):  # noqa: F811
    for slug, path in portal["directory"] + portal["commune"]:
        response = page.goto(host_url(slug) + path)
        assert response.status == 200, path
        assert_accessible(page)
