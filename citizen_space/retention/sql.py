"""The few SQL pieces that differ between PostgreSQL (production, tests) and SQLite (the demo).

Anonymising works on a batch of request ids with set-based statements: `ids_in(column)` is the
condition "column is one of the batch" with a single text parameter (`ids_param`), and
`month_start(column)` the first instant, in the portal's time zone, of the month of a moment.
"""

import json
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from django.conf import settings

SQLITE_MONTH_START = "retention_month_start"


def ids_in(connection, column: str, sql_type: str = "bigint") -> str:
    if connection.vendor == "postgresql":
        return f"{column} = ANY(%s::{sql_type}[])"
    return f"{column} IN (SELECT value FROM json_each(%s))"


def ids_param(connection, ids: list[int]) -> str:
    """The batch's ids as one text value, made once per batch: a list of parameters would be
    adapted again, id by id, for each statement."""
    if connection.vendor == "postgresql":
        return "{" + ",".join(map(str, ids)) + "}"
    return json.dumps(ids)


def month_start(connection, column: str) -> str:
    if connection.vendor == "postgresql":
        return f"date_trunc('month', {column}, '{settings.TIME_ZONE}')"
    return f"{SQLITE_MONTH_START}({column})"


def _sqlite_month_start(value: str | None) -> str | None:
    """SQLite keeps aware datetimes as UTC text; same format back."""
    if value is None:
        return None
    zone = ZoneInfo(settings.TIME_ZONE)
    local = datetime.fromisoformat(value).replace(tzinfo=UTC).astimezone(zone)
    first = datetime(local.year, local.month, 1, tzinfo=zone)
    return first.astimezone(UTC).replace(tzinfo=None).isoformat(" ")


def sqlite_functions_register(sender, connection, **kwargs) -> None:
    """`connection_created` receiver: give SQLite connections `retention_month_start`."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            SQLITE_MONTH_START, 1, _sqlite_month_start, deterministic=True
        )
