"""The median as an ORM aggregate: `percentile_cont(0.5)` on PostgreSQL, and on SQLite (the
demo) a Python aggregate function that every new SQLite connection gets."""

import statistics

from django.db.models import Aggregate, DurationField

SQLITE_MEDIAN = "portal_median"


class Median(Aggregate):
    """The median of a duration (the mean of the two middle values for an even count); NULL
    values are left out, NULL when none is left."""

    function = "PERCENTILE_CONT"
    name = "Median"
    template = "%(function)s(0.5) WITHIN GROUP (ORDER BY %(expressions)s)"
    output_field = DurationField()

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(
            compiler,
            connection,
            function=SQLITE_MEDIAN,
            template="%(function)s(%(expressions)s)",
            **extra_context,
        )


class _SqliteMedian:
    """SQLite aggregate (step/finalize); durations are stored there as microseconds."""

    def __init__(self):
        self.values = []

    def step(self, value):
        if value is not None:
            self.values.append(value)

    def finalize(self):
        return round(statistics.median(self.values)) if self.values else None


def sqlite_median_register(sender, connection, **kwargs) -> None:
    """`connection_created` receiver: give SQLite connections the median function."""
    if connection.vendor == "sqlite":
        connection.connection.create_aggregate(SQLITE_MEDIAN, 1, _SqliteMedian)
