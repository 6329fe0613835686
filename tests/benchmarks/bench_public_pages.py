"""Public pages against a stock Wagtail form page of 20 fields, on PostgreSQL, gunicorn -w 2.

    .venv/bin/python -m tests.benchmarks.bench_public_pages

Prints, for the catalogue, a catalogue search and the home page of a commune with 10
procedures, then with 200: SQL queries of the first request after an edit (nothing cached
but the host's portal) and of the next ones with the page cache off, and requests per second
served to anonymous visitors with the page cache (as in production) and without it, each
with its ratio to the stock form page's throughput in the same run (target ≥ 2×).
"""

import os

from tests.benchmarks.harness import count_queries, gunicorn, setup_django, wrk

HOST = "bench.portal.localhost:8000"


def build(procedures: int):
    from commune_sites.services import collectivity_provision
    from pages.models import CataloguePage, ProcedurePage, Rubric
    from pages.services import portal_directory_ensure
    from tests.stock_forms.models import StockFormField, StockFormPage

    portal_directory_ensure()
    commune = collectivity_provision(
        kind="commune", name="Bench-sur-Mer", code="38563", slug="bench", postal_codes="38500"
    )
    catalogue = CataloguePage.objects.get(collectivity=commune, locale__language_code="fr")
    rubrics = list(Rubric.objects.filter(collectivity=commune)[:3])
    for number in range(procedures):
        procedure = ProcedurePage(
            title=f"Démarche numéro {number}",
            summary="Une démarche en ligne auprès de la mairie, avec son formulaire.",
        )
        procedure.rubrics = rubrics[number % 3 : number % 3 + 1]
        catalogue.add_child(instance=procedure)
        procedure.save_revision().publish()
    stock = StockFormPage(title="Formulaire de référence", slug="formulaire-reference")
    home = catalogue.get_parent()
    home.add_child(instance=stock)
    for number in range(20):
        StockFormField.objects.create(
            page=stock, label=f"Champ {number}", field_type="singleline", required=True
        )
    stock.save_revision().publish()
    return catalogue


def add_procedures(catalogue, count: int, start: int):
    from pages.models import ProcedurePage

    for number in range(start, start + count):
        procedure = ProcedurePage(title=f"Démarche numéro {number}", summary="Une démarche.")
        catalogue.add_child(instance=procedure)
        procedure.save_revision().publish()


PAGES = {
    "stock form page (20 fields)": "/formulaire-reference/",
    "home": "/",
    "catalogue": "/demarches/",
    "catalogue search + rubric": "/demarches/?q=demarche&rubrique=etat-civil",
}
STOCK = "stock form page (20 fields)"
SERVINGS = {"page cache": "300", "no page cache": "0"}


def queries(path: str) -> tuple[int, int]:
    """(after an edit, next ones) without the page cache, whose hits make no query."""
    from django.test import override_settings

    from pages.cache import content_changed

    with override_settings(PAGE_CACHE_SECONDS=0):
        count_queries(path, host=HOST)  # Wagtail's own caches (site root paths…)
        content_changed()
        return count_queries(path, host=HOST), count_queries(path, host=HOST)


def measure(label: str) -> None:
    counts = {name: queries(path) for name, path in PAGES.items()}
    rates = {}
    for serving, seconds in SERVINGS.items():
        os.environ["PAGE_CACHE_SECONDS"] = seconds
        with gunicorn() as base:
            rates[serving] = {name: wrk(base + path, host=HOST) for name, path in PAGES.items()}
    print(f"\n== {label} (load average {os.getloadavg()[0]:.1f})")
    print(f"{'':<28} {'SQL queries':>17}  " + "  ".join(f"{s:>20}" for s in SERVINGS))
    print(
        f"{'page':<28} {'after edit':>10} {'next':>6}  "
        + "  ".join(f"{'req/s':>9} {'× stock':>10}" for _s in SERVINGS)
    )
    for name in PAGES:
        cells = "  ".join(
            f"{rates[s][name]:>9.1f} {rates[s][name] / rates[s][STOCK]:>10.2f}" for s in SERVINGS
        )
        print(f"{name:<28} {counts[name][0]:>10} {counts[name][1]:>6}  {cells}")


def main():
    setup_django()
    catalogue = build(10)
    measure("10 procedures")
    add_procedures(catalogue, 190, start=10)
    measure("200 procedures")


if __name__ == "__main__":
    main()
