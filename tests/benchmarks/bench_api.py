"""The public catalogue API against Wagtail's API v2, listing the same procedures, same run.

Run from the project root: `.venv/bin/python -m tests.benchmarks.bench_api`
(BENCH_DATABASE_URL chooses the database it recreates). A commune with PROCEDURES procedures;
both APIs list a page of PAGE_SIZE of them (Wagtail's largest page) and their count, on the
commune's host, served by gunicorn (2 workers) and measured by wrk. Prints requests per
second and SQL queries per request of:

- Wagtail's API v2 page listing (`/api/v2/pages/?type=pages.ProcedurePage&fields=…`);
- the public API's listing (`/api/v1/collectivities/<slug>/procedures`);
- the public API's listing asked again with the ETag it gave (304, nothing serialised).

Also the median server time of each, measured in-process (Django's test client): through
gunicorn, the test settings' CONN_MAX_AGE=0 opens a database connection per request, which
weighs most in the cheapest answers.

Target: the public API's listing at least as fast as Wagtail's (ratio ≥ 1).
"""

import os
import statistics
import time

from tests.benchmarks.harness import count_queries, gunicorn, setup_django, wrk

PROCEDURES = 50
PAGE_SIZE = 20
RUNS = 30
WAGTAIL_FIELDS = "summary,online,is_incident_report,rubrics,collectivity"


def make_commune():
    from commune_sites.services import collectivity_provision
    from pages.models import CataloguePage, ProcedurePage, Rubric
    from pages.services import portal_directory_ensure

    portal_directory_ensure()
    commune = collectivity_provision(
        kind="commune", name="Saint-Martin-la-Plaine", code="42279", postal_codes="42800"
    )
    catalogue = CataloguePage.objects.get(collectivity=commune)
    rubrics = list(Rubric.objects.filter(collectivity=commune))
    for number in range(PROCEDURES):
        procedure = ProcedurePage(
            title=f"Démarche numéro {number:03d}",
            summary=f"Résumé de la démarche {number} : ce qu’elle permet, pour qui.",
            online=number % 4 != 0,
            counter_place="Mairie, 1 place de la Mairie",
        )
        procedure.rubrics = rubrics[number % len(rubrics) :][:2]
        catalogue.add_child(instance=procedure)
        procedure.save_revision().publish()
    return commune


def server_ms(client, url: str, *, host: str, **headers) -> float:
    """Median milliseconds of one request, in-process."""
    client.get(url, HTTP_HOST=host, **headers)  # warm-up
    timings = []
    for _ in range(RUNS):
        started = time.perf_counter()
        client.get(url, HTTP_HOST=host, **headers)
        timings.append((time.perf_counter() - started) * 1000)
    return statistics.median(timings)


def main():
    # One client makes every request: the rate limit is counted but never reached.
    os.environ["PUBLIC_API_RATE"] = "100000000/m"
    setup_django()
    from django.test import Client

    commune = make_commune()
    host = f"{commune.site.hostname}:{commune.site.port}"
    wagtail_url = (
        f"/api/v2/pages/?type=pages.ProcedurePage&fields={WAGTAIL_FIELDS}&limit={PAGE_SIZE}"
    )
    public_url = f"/api/v1/collectivities/{commune.slug}/procedures?page_size={PAGE_SIZE}"

    client = Client()
    wagtail = client.get(wagtail_url, HTTP_HOST=host)
    public = client.get(public_url, HTTP_HOST=host)
    assert wagtail.json()["meta"]["total_count"] == public.json()["count"] == PROCEDURES
    assert len(wagtail.json()["items"]) == len(public.json()["results"]) == PAGE_SIZE
    etag = public["ETag"]
    assert client.get(public_url, HTTP_HOST=host, HTTP_IF_NONE_MATCH=etag).status_code == 304

    queries = {
        "wagtail": count_queries(wagtail_url, host=host),
        "public": count_queries(public_url, host=host),
    }
    milliseconds = {
        "wagtail": server_ms(client, wagtail_url, host=host),
        "public": server_ms(client, public_url, host=host),
        "public 304": server_ms(client, public_url, host=host, HTTP_IF_NONE_MATCH=etag),
    }
    with gunicorn() as base:
        rates = {
            "wagtail": wrk(base + wagtail_url, host=host),
            "public": wrk(base + public_url, host=host),
            "public 304": wrk(base + public_url, host=host, headers={"If-None-Match": etag}),
        }
    print(f"{PAGE_SIZE} of {PROCEDURES} procedures per answer, on {host}")
    print(f"{'listing':<12} {'requests/s':>11} {'server ms':>10} {'queries':>8}")
    for name, rate in rates.items():
        print(f"{name:<12} {rate:>11.1f} {milliseconds[name]:>10.1f} {queries.get(name, ''):>8}")
    ratio = rates["public"] / rates["wagtail"]
    print(f"public / wagtail: {ratio:.2f}× (target ≥ 1)")


if __name__ == "__main__":
    main()
