"""Fixtures of the portal pages: provisioned collectivities, procedures, hosts."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache

from commune_sites.services import collectivity_provision
from pages.models import CataloguePage, ProcedurePage, Rubric
from pages.services import portal_directory_ensure


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached header links and site root paths must not leak from one test to another."""
    cache.clear()
    yield
    cache.clear()


def host_of(collectivity) -> str:
    return f"{collectivity.site.hostname}:{collectivity.site.port}"


@pytest.fixture
def on(client):
    """`on(collectivity).get(path)`: the test client, on that collectivity's portal."""

    class Portal:
        def __init__(self, collectivity):
            self.host = host_of(collectivity) if collectivity else settings.PORTAL_DOMAIN

        def get(self, path, data=None, **extra):
            return client.get(path, data, HTTP_HOST=self.host, **extra)

    return Portal


@pytest.fixture
def make_collectivity(db):
    def make(**fields):
        defaults = {"kind": "commune", "name": "Saint-Martin-la-Plaine", "code": "42279"}
        return collectivity_provision(**{**defaults, **fields})

    return make


@pytest.fixture
def intercommunality(make_collectivity):
    return make_collectivity(
        kind="intercommunality", name="Communauté de communes du Pilat", code="244200770"
    )


@pytest.fixture
def commune(make_collectivity, intercommunality):
    return make_collectivity(postal_codes="42800", intercommunality=intercommunality)


@pytest.fixture
def other_commune(make_collectivity):
    return make_collectivity(name="Firminy", code="42095", postal_codes="42700")


@pytest.fixture
def directory(db):
    return portal_directory_ensure()


def catalogue_of(collectivity) -> CataloguePage:
    return CataloguePage.objects.get(collectivity=collectivity, locale__language_code="fr")


def path_of(page) -> str:
    """The page's path on its own portal ("/demarches/")."""
    return page.get_url_parts()[2]


@pytest.fixture
def make_procedure():
    """Add a live procedure to a collectivity's catalogue (rubrics given by slug)."""

    def make(collectivity, title, *, rubrics=(), summary="", **fields):
        catalogue = catalogue_of(collectivity)
        procedure = ProcedurePage(title=title, summary=summary or f"Résumé : {title}", **fields)
        procedure.rubrics = list(Rubric.objects.filter(collectivity=collectivity, slug__in=rubrics))
        catalogue.add_child(instance=procedure)
        return procedure

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
