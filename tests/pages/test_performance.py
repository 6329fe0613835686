"""Public pages issue a fixed, small number of SQL queries, whatever the number of procedures."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.cache import content_changed
from pages.models import CommuneHomePage

from .conftest import catalogue_of, path_of

pytestmark = pytest.mark.django_db

MAX_QUERIES = 10


def add_procedures(commune, intercommunality, make_procedure, count):
    """A third of them offered by the intercommunality."""
    for number in range(count):
        owner = intercommunality if number % 3 == 0 else commune
        make_procedure(owner, f"Démarche {owner.pk}-{number}", rubrics=["etat-civil", "voirie"])


def queries_of(get, path, data=None) -> int:
    with CaptureQueriesContext(connection) as context:
        response = get(path, data)
    assert response.status_code == 200
    return len(context.captured_queries)


def cold_and_warm(get, path, data=None) -> tuple[int, int]:
    """Queries of a request after a change (our cached reads recomputed), then of the next."""
    get(path, data)  # warm Wagtail's caches (site root paths…)
    content_changed()  # as after an edit: header links and catalogue listings forgotten
    return queries_of(get, path, data), queries_of(get, path, data)


def test_public_pages_queries_do_not_grow(on, commune, intercommunality, make_procedure):
    """(cold, warm) query counts of the catalogue, a search and the home page: 10 → 200,
    at most 10 on the first request after an edit too."""
    pages = {
        "catalogue": (path_of(catalogue_of(commune)), None),
        "search": (path_of(catalogue_of(commune)), {"q": "demarche", "rubrique": "voirie"}),
        "home": ("/", None),
    }

    def measure() -> dict[str, tuple[int, int]]:
        return {name: cold_and_warm(on(commune).get, *request) for name, request in pages.items()}

    add_procedures(commune, intercommunality, make_procedure, 10)
    at_10 = measure()
    add_procedures(commune, intercommunality, make_procedure, 190)
    assert measure() == at_10
    assert all(max(cold, warm) <= MAX_QUERIES for cold, warm in at_10.values())


def test_highlighted_procedures_cost_one_query(on, commune, make_procedure):
    without, _warm = cold_and_warm(on(commune).get, "/")
    procedures = [make_procedure(commune, f"Démarche {number}") for number in range(5)]
    home = CommuneHomePage.objects.get(collectivity=commune)
    home.body.append(("highlighted_procedures", {"heading": "À la une", "procedures": procedures}))
    home.save_revision().publish()
    assert cold_and_warm(on(commune).get, "/")[0] == without + 1


def test_cached_reads_spare_the_catalogue_queries(on, commune, make_procedure):
    make_procedure(commune, "Passeport")
    path = path_of(catalogue_of(commune))
    cold, warm = cold_and_warm(on(commune).get, path, {"q": "passeport"})
    assert warm == cold - 5  # no links, rubrics, synonyms, full-text search, listing
