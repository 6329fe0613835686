"""Human references of requests: <PREFIX>-<YEAR>-<NUMBER>, unique per collectivity and year."""

import re

from django.db import connection

from ..models import ReferenceCounter

PREFIX_LENGTH = 3
NUMBER_WIDTH = 6
# Little words of French place names that the prefix skips ("Saint-Martin-la-Plaine" → SMP).
LINK_WORDS = frozenset(
    [
        "a",
        "au",
        "aux",
        "d",
        "de",
        "des",
        "du",
        "en",
        "et",
        "l",
        "la",
        "le",
        "les",
        "lez",
        "sous",
        "sur",
    ]
)


def reference_prefix(slug: str) -> str:
    """Three capital letters taken from a collectivity's slug.

    The initials of its first three words (little words such as "la", "de", "sur" left out),
    completed with the following letters of the last word used: "saint-martin" → "SMA",
    "saint-martin-la-plaine" → "SMP", "lyon" → "LYO", "val-de-reins" → "VRE". Padded with "X"
    for the rare slug with fewer letters.
    """
    words = [w for w in re.split(r"[^a-z]+", slug.lower()) if w and w not in LINK_WORDS]
    words = words[:PREFIX_LENGTH]
    letters = [word[0] for word in words]
    if words:
        letters += list(words[-1][1 : 1 + PREFIX_LENGTH - len(letters)])
    return "".join(letters).upper().ljust(PREFIX_LENGTH, "X")


def reference_format(*, prefix: str, year: int, number: int) -> str:
    return f"{prefix}-{year}-{number:0{NUMBER_WIDTH}d}"


def reference_next_number(*, collectivity_id: int, year: int) -> int:
    """Take the next number of the (collectivity, year) counter in one atomic upsert.

    `INSERT ... ON CONFLICT DO UPDATE ... RETURNING` creates the row or increments it under the
    row's lock, which is held until the caller's transaction ends: concurrent requests wait and
    get distinct numbers. A rolled-back transaction gives its number back; a number may still be
    skipped (a deleted request), which is harmless.
    """
    table = connection.ops.quote_name(ReferenceCounter._meta.db_table)
    sql = (
        f"INSERT INTO {table} (collectivity_id, year, last_value) VALUES (%s, %s, 1) "
        f"ON CONFLICT (collectivity_id, year) "
        f"DO UPDATE SET last_value = {table}.last_value + 1 RETURNING last_value"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [collectivity_id, year])
        return cursor.fetchone()[0]


def reference_allocate(*, collectivity, year: int) -> str:
    """A new reference for a request to `collectivity` submitted in `year`."""
    number = reference_next_number(collectivity_id=collectivity.pk, year=year)
    return reference_format(prefix=reference_prefix(collectivity.slug), year=year, number=number)
