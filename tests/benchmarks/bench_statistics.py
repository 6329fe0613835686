"""The statistics of a collectivity with 1,000 requests and of one with 100,000, on PostgreSQL.

Run from the project root: `.venv/bin/python -m tests.benchmarks.bench_statistics`
(BENCH_DATABASE_URL chooses the database it recreates). Prints, for each size, the median time
and the query count of `collectivity_statistics` (last 12 months) and of the collectivity's
open-data CSV written out whole; then, as the physical limit, one plain SQL count of the same
requests grouped by month and status, and the ratios.
"""

import statistics
import time

from tests.benchmarks.harness import setup_django

RUNS = 15
SIZES = (1_000, 100_000)
STATUSES = "ARRAY['submitted','in_progress','accepted','accepted','accepted','rejected','closed']"


def add_requests(collectivity, count: int) -> None:
    """`count` sent requests over the last two years, 8 procedures, most of them decided."""
    from django.db import connection

    from citizen_space.models import Submission

    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            INSERT INTO {Submission._meta.db_table} (collectivity_id, procedure_title, status,
                reference, language, form_snapshot, answers, steps_done, created_at, updated_at,
                submitted_at, applicant_name, decided_at, processing_time)
            SELECT %(id)s, 'Démarche ' || (g %% 8), s.status, 'B-' || g, 'fr', '{{}}', '{{}}', 1,
                now(), now(), s.sent, '', s.sent + s.took, s.took
            FROM generate_series(1::bigint, %(count)s) AS g,
            LATERAL (SELECT ({STATUSES})[1 + g %% 7] AS status,
                            now() - (g * 7919 %% 1051200) * interval '1 minute' AS sent) AS t,
            LATERAL (SELECT t.status, t.sent, CASE WHEN t.status IN ('accepted', 'rejected',
                     'closed') THEN (g * 104729 %% 1000) * interval '1 hour' END AS took) AS s
            """,
            {"id": collectivity.pk, "count": count},
        )
        cursor.execute(f"ANALYZE {Submission._meta.db_table}")


def timed(function, runs: int = RUNS) -> tuple[float, int]:
    """Median milliseconds of `function()` and its number of queries."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        function()
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), len(queries)


def plain_count(collectivity, period) -> None:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT date_trunc('month', submitted_at AT TIME ZONE 'Europe/Paris'), status, "
            "count(*) FROM citizen_space_submission WHERE collectivity_id = %s "
            "AND submitted_at >= %s AND submitted_at < %s GROUP BY 1, 2",
            [collectivity.pk, period.start, period.end],
        )
        cursor.fetchall()


def main() -> None:
    setup_django()
    from citizen_space.statistics.open_data import csv_lines
    from citizen_space.statistics.periods import Period
    from citizen_space.statistics.selectors import collectivity_statistics, open_data_rows
    from commune_sites.models import Collectivity

    period = Period.last_12_months()
    results = {}
    for index, size in enumerate(SIZES):
        collectivity = Collectivity.objects.create(
            kind="commune", name=f"Commune {size}", slug=f"commune-{size}", code=f"4200{index}"
        )
        add_requests(collectivity, size)
        stats_ms, stats_queries = timed(
            lambda c=collectivity: collectivity_statistics(collectivity=c)
        )
        csv_ms, csv_queries = timed(
            lambda c=collectivity: sum(1 for _ in csv_lines(open_data_rows(collectivity=c)))
        )
        plain_ms, _ = timed(lambda c=collectivity: plain_count(c, period))
        lines = sum(1 for _ in csv_lines(open_data_rows(collectivity=collectivity)))
        results[size] = (stats_ms, stats_queries, csv_ms, csv_queries, plain_ms)
        print(
            f"{size:>7} requests: statistics {stats_ms:7.1f} ms ({stats_queries} queries), "
            f"CSV {csv_ms:7.1f} ms ({csv_queries} queries, {lines} lines), "
            f"plain SQL count {plain_ms:6.1f} ms; statistics / plain = {stats_ms / plain_ms:.1f}"
        )
    small, large = (results[size] for size in SIZES)
    print(
        f"ratio {SIZES[1]:,} / {SIZES[0]:,}: statistics {large[0] / small[0]:.1f}, "
        f"CSV {large[2] / small[2]:.1f}, plain SQL {large[4] / small[4]:.1f}"
    )


if __name__ == "__main__":
    main()
