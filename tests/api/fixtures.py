"""Fixtures shared by the headless API and Open311 tests: provisioned collectivities,
procedures, a test client per host."""

import pytest
from django.conf import settings
from django.core.cache import cache

from commune_sites.services import collectivity_provision
from pages.models import CataloguePage, ProcedurePage, Rubric
from pages.services import portal_directory_ensure


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate-limit counters and cached facets must not leak from one test to another."""
    cache.clear()
    yield
    cache.clear()


def host_of(collectivity) -> str:
    return f"{collectivity.site.hostname}:{collectivity.site.port}"


def root_of(collectivity) -> str:
    return f"http://{host_of(collectivity)}"


@pytest.fixture
def on(client):
    """`on(collectivity).get(path)`: the test client on that collectivity's portal (None: the
    portal directory's host)."""

    class Portal:
        def __init__(self, collectivity=None):
            self.host = host_of(collectivity) if collectivity else settings.PORTAL_DOMAIN

        def get(self, path, data=None, **extra):
            return client.get(path, data, HTTP_HOST=self.host, **extra)

        def options(self, path, **extra):
            return client.options(path, HTTP_HOST=self.host, **extra)

        def post(self, path, data=None, **extra):
            return client.post(path, data, HTTP_HOST=self.host, **extra)

    return Portal


@pytest.fixture
def make_collectivity(db):
    def make(**fields):
        defaults = {"kind": "commune", "name": "Saint-Martin-la-Plaine", "code": "42279"}
        return collectivity_provision(**{**defaults, **fields})

    return make


@pytest.fixture
def directory(db):
    return portal_directory_ensure()


@pytest.fixture
def intercommunality(make_collectivity, directory):
    return make_collectivity(
        kind="intercommunality", name="Communauté de communes du Pilat", code="244200770"
    )


@pytest.fixture
def commune(make_collectivity, intercommunality):
    return make_collectivity(
        postal_codes="42800",
        intercommunality=intercommunality,
        address="1 place de la Mairie",
        phone="04 77 00 00 00",
        email="mairie@example.org",
    )


@pytest.fixture
def other_commune(make_collectivity, directory):
    return make_collectivity(name="Firminy", code="42095", postal_codes="42700")


def catalogue_of(collectivity) -> CataloguePage:
    return CataloguePage.objects.get(collectivity=collectivity, locale__language_code="fr")


@pytest.fixture
def make_procedure():
    """Add a live procedure to a collectivity's catalogue (rubrics given by slug)."""

    def make(collectivity, title, *, rubrics=(), summary="", **fields):
        procedure = ProcedurePage(title=title, summary=summary or f"Résumé : {title}", **fields)
        procedure.rubrics = list(Rubric.objects.filter(collectivity=collectivity, slug__in=rubrics))
        catalogue_of(collectivity).add_child(instance=procedure)
        procedure.save_revision().publish()
        return procedure

    return make


@pytest.fixture
def passport(commune, make_procedure):
    return make_procedure(
        commune,
        "Demande de passeport",
        rubrics=["etat-civil"],
        summary="Prenez rendez-vous pour votre passeport.",
        documents=[("document", {"name": "Photo d’identité", "details": "De moins de 6 mois"})],
    )


@pytest.fixture
def compost(intercommunality, make_procedure):
    return make_procedure(
        intercommunality,
        "Demande de composteur",
        rubrics=["voirie"],
        online=False,
        counter_place="Siège de la communauté de communes",
    )
