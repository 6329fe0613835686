"""Public pages against a stock Wagtail form page of 20 fields, on PostgreSQL, gunicorn -w 2.

    .venv/bin/python -m tests.benchmarks.bench_public_pages

Prints, for the catalogue, a catalogue search and the home page of a commune with 200
procedures (and with 10): SQL queries per request and requests per second, and the ratio of
each to the stock form page's throughput (target ≥ 2×).
"""

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


def measure(label: str) -> dict[str, tuple[int, float]]:
    paths = {
        "stock form page (20 fields)": "/formulaire-reference/",
        "home": "/",
        "catalogue": "/demarches/",
        "catalogue search + rubric": "/demarches/?q=demarche&rubrique=etat-civil",
    }
    results = {}
    with gunicorn() as base:
        for name, path in paths.items():
            count_queries(path, host=HOST)  # warm caches
            queries = count_queries(path, host=HOST)
            results[name] = (queries, wrk(base + path, host=HOST))
    stock_rps = results["stock form page (20 fields)"][1]
    print(f"\n== {label}")
    print(f"{'page':<30} {'SQL queries':>12} {'req/s':>8} {'× stock':>8}")
    for name, (queries, rps) in results.items():
        print(f"{name:<30} {queries:>12} {rps:>8.1f} {rps / stock_rps:>8.2f}")
    return results


def main():
    setup_django()
    catalogue = build(10)
    measure("10 procedures")
    add_procedures(catalogue, 190, start=10)
    measure("200 procedures")


if __name__ == "__main__":
    main()
