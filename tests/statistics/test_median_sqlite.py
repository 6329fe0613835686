"""The median on SQLite (the demo's database): the ORM aggregate compiled for a real SQLite
connection, run by the function every new SQLite connection gets."""

import datetime

from django.db.utils import ConnectionHandler

from citizen_space.models import Submission
from citizen_space.statistics.aggregates import Median

MICROSECONDS_PER_DAY = 86_400_000_000


def test_the_median_of_durations_per_group_on_sqlite(django_db_blocker):
    """An in-memory SQLite database of its own, beside the tests' PostgreSQL one."""
    sqlite = ConnectionHandler(
        {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}
    )["default"]
    with django_db_blocker.unblock():
        medians = _medians(sqlite)
    day = datetime.timedelta(days=1)
    assert medians == {1: 2.5 * day, 2: 20 * day, 3: None}


def _medians(sqlite) -> dict:
    table = Submission._meta.db_table
    rows = [(1, 1), (1, 2), (1, 3), (1, 10), (1, None), (2, 20), (3, None)]
    try:
        with sqlite.cursor() as cursor:
            # The columns the query reads, stored as Django stores them on SQLite.
            cursor.execute(
                f"CREATE TABLE {table} (collectivity_id integer, processing_time bigint)"
            )
            cursor.executemany(
                f"INSERT INTO {table} VALUES (%s, %s)",
                [(c, d and d * MICROSECONDS_PER_DAY) for c, d in rows],
            )
            query = (
                Submission.objects.values("collectivity_id")
                .annotate(median=Median("processing_time"))
                .order_by("collectivity_id")
            )
            sql, params = query.query.get_compiler(connection=sqlite).as_sql()
            assert "portal_median(" in sql
            cursor.execute(sql, params)
            return {c: m and datetime.timedelta(microseconds=m) for c, m in cursor.fetchall()}
    finally:
        sqlite.close()
