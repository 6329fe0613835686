"""Provisioning a collectivity: Site, page tree (by the registered builder), groups, rights."""

import pytest
from django.contrib.auth.models import Group
from django.core.exceptions import ImproperlyConfigured, ValidationError
from django.test import RequestFactory
from wagtail.images import get_image_model
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page, Site
from wagtail.permissions import policy_registry

from commune_sites import registry
from commune_sites.models import Collectivity
from commune_sites.services import collectivity_update

pytestmark = pytest.mark.django_db


def test_provisioning_creates_the_site_from_the_registered_builder(make_collectivity, tree_builder):
    collectivity = make_collectivity(postal_codes="42000 42100", phone="04 77 48 77 48")

    assert tree_builder == [collectivity]
    site = collectivity.site
    assert (site.hostname, site.port) == ("saint-etienne.portal.localhost", 8000)
    assert site.site_name == "Saint-Étienne"
    assert site.root_url == "http://saint-etienne.portal.localhost:8000"
    assert site.root_page.title == "Saint-Étienne"
    assert site.root_page.depth == 2
    assert collectivity.slug == "saint-etienne"
    assert collectivity.phone == "04 77 48 77 48"
    assert Site.find_for_request(_request("saint-etienne.portal.localhost:8000")) == site


def _request(host):
    return RequestFactory().get("/", HTTP_HOST=host)


def test_provisioning_creates_the_groups_and_the_editors_rights(make_collectivity):
    collectivity = make_collectivity()
    editors, agents = collectivity.editors_group, collectivity.agents_group

    assert editors.name.startswith("Saint-Étienne – ")
    assert agents.name.startswith("Saint-Étienne – ")
    assert editors != agents
    assert editors.permissions.filter(codename="access_admin").exists()
    page_rights = GroupPagePermission.objects.filter(group=editors)
    assert {(p.page_id, p.permission.codename) for p in page_rights} == {
        (collectivity.site.root_page_id, codename)
        for codename in ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
    }
    collection = collectivity.collection
    assert collection.name == "Saint-Étienne"
    assert collection.get_parent() == Collection.get_first_root_node()
    assert {
        f"{p.permission.content_type.app_label}.{p.permission.codename}"
        for p in GroupCollectionPermission.objects.filter(group=editors, collection=collection)
    } == {
        f"{app}.{action}_{model}"
        for app, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
        for action in ("add", "change", "choose", "delete")
    }
    assert not GroupPagePermission.objects.filter(group=agents).exists()


def test_registered_editor_permissions_are_granted(make_collectivity):
    registry.register_editor_permissions("wagtailredirects.add_redirect")
    collectivity = make_collectivity()
    assert collectivity.editors_group.permissions.filter(codename="add_redirect").exists()


def test_an_unknown_registered_permission_is_a_clear_configuration_error(make_collectivity):
    registry.register_editor_permissions("pages.fly_rubric")
    with pytest.raises(ImproperlyConfigured, match="pages.fly_rubric"):
        make_collectivity()
    assert not Collectivity.objects.exists()


def test_malformed_permission_names_are_refused():
    with pytest.raises(ImproperlyConfigured):
        registry.register_editor_permissions("change_rubric")


def test_without_a_builder_provisioning_fails_clearly_and_saves_nothing(
    make_collectivity, monkeypatch
):
    monkeypatch.setattr(registry, "_tree_builder", None)
    with pytest.raises(ImproperlyConfigured, match="register_tree_builder"):
        make_collectivity()
    assert not Collectivity.objects.exists()
    assert not Site.objects.filter(hostname__endswith=".portal.localhost").exists()


def test_editors_edit_only_their_own_tree_and_collection(make_collectivity, make_user):
    a = make_collectivity()
    b = make_collectivity(name="Firminy", code="42095")
    editor = make_user("editor@a.fr", groups=[a.editors_group])

    assert a.site.root_page.permissions_for_user(editor).can_edit()
    assert a.site.root_page.permissions_for_user(editor).can_publish()
    assert not b.site.root_page.permissions_for_user(editor).can_edit()
    assert not Page.get_first_root_node().permissions_for_user(editor).can_add_subpage()
    image_policy = policy_registry.get_by_type(get_image_model())
    assert list(image_policy.collections_user_has_permission_for(editor, "add")) == [a.collection]


def test_invalid_data_is_refused_and_nothing_is_created(make_collectivity, tree_builder):
    with pytest.raises(ValidationError) as error:
        make_collectivity(code="20001")
    assert "code" in error.value.message_dict
    assert tree_builder == []
    assert not Collectivity.objects.exists()
    assert not Site.objects.filter(hostname__endswith=".portal.localhost").exists()


def test_a_taken_slug_is_refused(make_collectivity):
    make_collectivity()
    with pytest.raises(ValidationError) as error:
        make_collectivity(code="42095", name="Saint Etienne")
    assert error.value.message_dict == {"slug": ["A collectivity already uses this slug."]}


def test_provisioning_is_idempotent(make_collectivity, tree_builder):
    first = make_collectivity()
    counts = _counts()
    again = make_collectivity(name="Changed name", code="42218")

    assert again.pk == first.pk
    assert again.name == "Saint-Étienne"
    assert _counts() == counts
    assert len(tree_builder) == 1


def _counts():
    return (
        Collectivity.objects.count(),
        Site.objects.count(),
        Page.objects.count(),
        Group.objects.count(),
        Collection.objects.count(),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
    )


def test_provisioning_again_repairs_missing_parts(make_collectivity, tree_builder):
    collectivity = make_collectivity()
    collectivity.editors_group.delete()
    collectivity.site.delete()

    repaired = make_collectivity()

    assert repaired.pk == collectivity.pk
    assert repaired.site.hostname == "saint-etienne.portal.localhost"
    assert len(tree_builder) == 2
    assert repaired.editors_group.permissions.filter(codename="access_admin").exists()
    assert (
        GroupPagePermission.objects.filter(
            group=repaired.editors_group, page=repaired.site.root_page
        ).count()
        == 5
    )
    assert repaired.agents_group_id == collectivity.agents_group_id


def test_homonymous_communes_get_distinct_groups_and_collections(make_collectivity):
    first = make_collectivity(name="Saint-Martin", code="2B313", slug="saint-martin-corse")
    second = make_collectivity(name="Saint-Martin", code="05157", slug="saint-martin-alpes")
    assert first.editors_group.name != second.editors_group.name
    assert "05157" in second.editors_group.name
    assert second.collection.name == "Saint-Martin (05157)"


def test_a_commune_joins_its_intercommunality(make_collectivity):
    epci = make_collectivity(
        kind="intercommunality", name="Saint-Étienne Métropole", code="244200770"
    )
    commune = make_collectivity(intercommunality=epci)
    assert list(epci.members.all()) == [commune]
    assert epci.site.hostname == "saint-etienne-metropole.portal.localhost"


def test_a_custom_hostname_becomes_the_sites_hostname(make_collectivity):
    a = make_collectivity()
    b = make_collectivity(name="Firminy", code="42095")

    collectivity_update(collectivity=a, custom_hostname="Demarches.Saint-Etienne.fr ")
    a.site.refresh_from_db()
    assert (a.site.hostname, a.custom_hostname) == ("demarches.saint-etienne.fr", a.custom_hostname)

    with pytest.raises(ValidationError) as error:
        collectivity_update(collectivity=b, custom_hostname="demarches.saint-etienne.fr")
    assert error.value.message_dict == {
        "custom_hostname": ["Another site already uses this host name."]
    }
    with pytest.raises(ValidationError) as error:
        collectivity_update(collectivity=b, custom_hostname="saint-etienne.portal.localhost")
    assert error.value.message_dict == {
        "custom_hostname": [
            "Addresses under portal.localhost are made from the slug: change the slug instead."
        ]
    }

    collectivity_update(collectivity=a, custom_hostname="")
    a.site.refresh_from_db()
    assert a.site.hostname == "saint-etienne.portal.localhost"


def test_renaming_renames_the_site(make_collectivity):
    collectivity = make_collectivity()
    collectivity_update(collectivity=collectivity, name="Saint-Étienne (Loire)")
    collectivity.site.refresh_from_db()
    assert collectivity.site.site_name == "Saint-Étienne (Loire)"
    assert collectivity.search_name == "saint etienne loire"
