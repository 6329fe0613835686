"""Wagtail admin for collectivities: superusers provision, editors see and edit only theirs."""

import pytest
from django.urls import reverse
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Site

from commune_sites.models import Collectivity

pytestmark = pytest.mark.django_db

EDITABLE_BY_EDITORS = {
    "address": "Hôtel de ville, place de l'Hôtel de Ville",
    "phone": "04 77 48 77 48",
    "email": "mairie@saint-etienne.fr",
    "opening_hours": "Du lundi au vendredi, 8 h 30 – 17 h",
    "website": "https://www.saint-etienne.fr",
    "logo": "",
}


@pytest.fixture
def a_and_b(make_collectivity):
    return make_collectivity(), make_collectivity(name="Firminy", code="42095")


@pytest.fixture
def editor_client(client, a_and_b, make_user):
    client.force_login(make_user("editor@a.fr", groups=[a_and_b[0].editors_group]))
    return client


def url(name, *args):
    return reverse(f"collectivities:{name}", args=args)


def test_superusers_see_every_collectivity(client, superuser, a_and_b):
    client.force_login(superuser)
    response = client.get(url("index"))
    assert response.status_code == 200
    assert url("edit", a_and_b[0].pk) in response.content.decode()
    assert url("edit", a_and_b[1].pk) in response.content.decode()


def test_an_editor_lists_only_their_collectivity(editor_client, a_and_b):
    a, b = a_and_b
    response = editor_client.get(url("index"))
    assert response.status_code == 200
    content = response.content.decode()
    assert url("edit", a.pk) in content
    assert url("edit", b.pk) not in content
    assert "Firminy" not in content
    assert url("index") in editor_client.get(reverse("wagtailadmin_home")).content.decode()


@pytest.mark.parametrize("view", ["edit", "delete", "history", "usage"])
def test_another_collectivity_is_not_found(editor_client, a_and_b, view):
    assert editor_client.get(url(view, a_and_b[1].pk)).status_code == 404


def test_an_editor_edits_contact_details_but_not_the_identity(editor_client, a_and_b):
    a = a_and_b[0]
    form = editor_client.get(url("edit", a.pk)).content.decode()
    assert 'name="phone"' in form
    for field in ("code", "kind", "slug", "custom_hostname", "name"):
        assert f'name="{field}"' not in form

    posted = {**EDITABLE_BY_EDITORS, "code": "42095", "slug": "pirate", "name": "Pirate"}
    response = editor_client.post(url("edit", a.pk), posted)

    assert response.status_code == 302
    a.refresh_from_db()
    assert (a.phone, a.website) == (EDITABLE_BY_EDITORS["phone"], EDITABLE_BY_EDITORS["website"])
    assert (a.code, a.slug, a.name) == ("42218", "saint-etienne", "Saint-Étienne")


def test_an_editor_cannot_edit_another_collectivity(editor_client, a_and_b):
    b = a_and_b[1]
    response = editor_client.post(url("edit", b.pk), EDITABLE_BY_EDITORS)
    assert response.status_code == 404
    b.refresh_from_db()
    assert b.phone == ""


def _refused(response) -> bool:
    """Wagtail's admin answers a refused action by going back to the dashboard."""
    return response.status_code == 302 and response.url == reverse("wagtailadmin_home")


def test_editors_cannot_create_collectivities(editor_client):
    assert _refused(editor_client.get(url("add")))
    response = editor_client.post(url("add"), _creation(name="Roche-la-Molière", code="42189"))
    assert _refused(response)
    assert not Collectivity.objects.filter(code="42189").exists()
    assert f'href="{url("add")}"' not in editor_client.get(url("index")).content.decode()


def test_editors_cannot_delete_their_collectivity(editor_client, a_and_b):
    assert _refused(editor_client.post(url("delete", a_and_b[0].pk)))
    assert Collectivity.objects.filter(pk=a_and_b[0].pk).exists()


def _creation(**fields):
    return {
        "kind": "commune",
        "slug": "",
        "postal_codes": "",
        "intercommunality": "",
        "custom_hostname": "",
        **dict.fromkeys(EDITABLE_BY_EDITORS, ""),
        **fields,
    }


def test_a_superuser_creation_provisions_the_collectivity(client, superuser, tree_builder):
    client.force_login(superuser)
    assert client.get(url("add")).status_code == 200

    response = client.post(
        url("add"), _creation(name="Roche-la-Molière", code="42189", postal_codes="42230")
    )

    assert response.status_code == 302
    created = Collectivity.objects.get(code="42189")
    assert created.slug == "roche-la-moliere"
    assert created.site.hostname == "roche-la-moliere.portal.localhost"
    assert created.editors_group.name.startswith("Roche-la-Molière – ")
    assert created.agents_group is not None
    assert tree_builder == [created]


def test_a_duplicate_is_refused_with_a_clear_message(client, superuser, a_and_b):
    client.force_login(superuser)
    sites = Site.objects.count()

    response = client.post(url("add"), _creation(name="Saint-Étienne bis", code="42218"))

    assert response.status_code == 200
    assert "A collectivity with this official code already exists." in response.content.decode()
    response = client.post(url("add"), _creation(name="Firminy", code="42189"))
    assert "A collectivity already uses this slug." in response.content.decode()
    response = client.post(url("add"), _creation(name="Ajaccio", code="20004"))
    assert "is not a valid INSEE code" in response.content.decode()
    assert Site.objects.count() == sites


def test_a_superuser_sets_a_custom_hostname(client, superuser, a_and_b):
    a = a_and_b[0]
    client.force_login(superuser)
    fields = {
        "kind": a.kind,
        "name": a.name,
        "code": a.code,
        "slug": a.slug,
        "postal_codes": "42000 42100",
        "intercommunality": "",
        "custom_hostname": "demarches.saint-etienne.fr",
        **EDITABLE_BY_EDITORS,
    }
    response = client.post(url("edit", a.pk), fields)
    assert response.status_code == 302
    a.site.refresh_from_db()
    assert a.site.hostname == "demarches.saint-etienne.fr"


def test_the_listing_search(client, superuser, a_and_b):
    client.force_login(superuser)
    content = client.get(url("index"), {"q": "firm"}).content.decode()
    assert url("edit", a_and_b[1].pk) in content
    assert url("edit", a_and_b[0].pk) not in content


def test_an_editor_edits_only_their_pages(editor_client, a_and_b):
    a, b = a_and_b
    edit_a = reverse("wagtailadmin_pages:edit", args=[a.site.root_page_id])
    edit_b = reverse("wagtailadmin_pages:edit", args=[b.site.root_page_id])
    assert editor_client.get(edit_a).status_code == 200
    assert _refused(editor_client.get(edit_b))
    explorer = editor_client.get(reverse("wagtailadmin_explore_root"), follow=True)
    assert explorer.status_code == 200
    assert edit_a in explorer.content.decode()
    assert edit_b not in explorer.content.decode()


def test_an_editor_sees_only_their_images(editor_client, a_and_b, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    a, b = a_and_b
    Image = get_image_model()
    image_a = Image.objects.create(
        title="Mairie A", file=get_test_image_file(), collection=a.collection
    )
    image_b = Image.objects.create(
        title="Mairie B", file=get_test_image_file(), collection=b.collection
    )

    listing = editor_client.get(reverse("wagtailimages:index")).content.decode()
    assert "Mairie A" in listing
    assert "Mairie B" not in listing
    assert editor_client.get(reverse("wagtailimages:edit", args=[image_a.pk])).status_code == 200
    assert _refused(editor_client.get(reverse("wagtailimages:edit", args=[image_b.pk])))
