"""Fixtures for collectivities: a sandboxed registry and a factory of provisioned ones."""

import pytest
from django.contrib.auth import get_user_model
from django.utils import translation
from wagtail.models import Page

from commune_sites import registry
from commune_sites.services import collectivity_provision


@pytest.fixture(autouse=True)
def english(settings):
    """Assertions on messages read the English source strings, whatever the catalogues hold."""
    settings.LANGUAGE_CODE = "en"
    with translation.override("en"):
        yield


def build_plain_tree(collectivity):
    """A tiny tree builder: one plain page under Wagtail's root."""
    root = Page.get_first_root_node()
    slug = f"portail-{collectivity.slug}-{root.get_children_count()}"
    return root.add_child(instance=Page(title=collectivity.name, slug=slug))


@pytest.fixture
def tree_builder(monkeypatch):
    """Our own builder and no extra editor permissions, whatever `pages` registered.

    monkeypatch puts the registry back as it was after the test.
    """
    built = []

    def builder(collectivity):
        built.append(collectivity)
        return build_plain_tree(collectivity)

    monkeypatch.setattr(registry, "_tree_builder", builder)
    monkeypatch.setattr(registry, "_editor_permissions", [])
    return built


@pytest.fixture
def make_collectivity(db, tree_builder):
    """Provision a collectivity; defaults make a commune, keywords override them."""

    def make(**fields):
        defaults = {"kind": "commune", "name": "Saint-Étienne", "code": "42218"}
        return collectivity_provision(**{**defaults, **fields})

    return make


@pytest.fixture
def make_user(db):
    def make(email, *, groups=(), **fields):
        user = get_user_model().objects.create_user(
            username=email, email=email, password="not-a-secret-1", **fields
        )
        user.groups.add(*groups)
        return user

    return make


@pytest.fixture
def superuser(make_user):
    return make_user("admin@example.org", is_superuser=True, is_staff=True)
