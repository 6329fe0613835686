"""Stable procedure links (/d/<id>/) and the redirects left by a changed slug."""

import pytest
from django.conf import settings

from .fixtures import catalogue_of

pytestmark = pytest.mark.django_db


def test_the_stable_link_leads_to_the_procedure(on, commune, passport):
    response = on(commune).get(f"/d/{passport.pk}/")
    assert response.status_code == 302
    assert response["Location"] == "/demarches/demande-de-passeport/"


def test_the_stable_link_survives_a_new_title_and_slug(on, commune, passport):
    passport.title = "Passeport biométrique"
    passport.slug = "passeport-biometrique"
    passport.save_revision().publish()
    response = on(commune).get(f"/d/{passport.pk}/")
    assert response["Location"] == "/demarches/passeport-biometrique/"
    assert on(commune).get(response["Location"]).status_code == 200


def test_the_old_address_redirects_after_a_slug_change(
    on, commune, passport, django_capture_on_commit_callbacks
):
    assert settings.WAGTAILREDIRECTS_AUTO_CREATE is True
    passport.slug = "passeport-biometrique"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail signals the new slug then
        passport.save_revision().publish()
    response = on(commune).get("/demarches/demande-de-passeport/")
    assert response.status_code in (301, 302)
    assert response["Location"].endswith("/demarches/passeport-biometrique/")


def test_an_intercommunal_procedure_opens_on_a_member_commune_portal(on, commune, compost):
    response = on(commune).get(f"/d/{compost.pk}/")
    catalogue_path = catalogue_of(commune).get_url_parts()[2]
    assert response.status_code == 302
    assert response["Location"] == (
        f"{catalogue_path}intercommunalite/{compost.pk}/demande-de-composteur/"
    )


def test_the_stable_link_works_on_the_intercommunality_portal(on, intercommunality, compost):
    response = on(intercommunality).get(f"/d/{compost.pk}/")
    assert response["Location"] == "/demarches/demande-de-composteur/"


@pytest.mark.parametrize("where", ["other_commune", "directory"])
def test_elsewhere_the_stable_link_is_not_found(on, request, passport, where):
    collectivity = request.getfixturevalue("other_commune") if where == "other_commune" else None
    assert on(collectivity).get(f"/d/{passport.pk}/").status_code == 404


def test_an_unpublished_procedure_has_no_stable_link(on, commune, passport):
    passport.unpublish()
    assert on(commune).get(f"/d/{passport.pk}/").status_code == 404
