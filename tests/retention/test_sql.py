"""The month truncation of SQLite (the demo), in the portal's time zone, as PostgreSQL does it."""

import pytest

from citizen_space.retention.sql import _sqlite_month_start


@pytest.mark.parametrize(
    ("stored", "month_start"),
    [
        # 1 March 00:30 in Paris (winter, UTC+1) is still February in UTC.
        ("2020-02-29 23:30:00", "2020-02-29 23:00:00"),
        # Summer (UTC+2), with microseconds.
        ("2020-07-15 10:00:00.123456", "2020-06-30 22:00:00"),
        # The month of the change to summer time starts in winter time.
        ("2021-03-31 21:59:59", "2021-02-28 23:00:00"),
        (None, None),
    ],
)
def test_sqlite_month_start_is_the_first_instant_of_the_month_in_paris(stored, month_start):
    assert _sqlite_month_start(stored) == month_start
