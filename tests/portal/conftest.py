"""Fixtures of the project-level tests: the demo seeded once per test module."""

from dataclasses import dataclass
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction


@dataclass(frozen=True)
class SeedRuns:
    """What the two runs of `seed_demo` printed, and the database after each of them."""

    first_output: str
    second_output: str
    rows_after_first: dict[str, int]
    rows_after_second: dict[str, int]
    passwords_after_first: dict[str, str]
    passwords_after_second: dict[str, str]


def row_counts() -> dict[str, int]:
    """The number of rows of every model (through the base manager: nothing filtered out)."""
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if not model._meta.proxy
    }


def password_hashes() -> dict[str, str]:
    return dict(get_user_model().objects.values_list("email", "password"))


def seed() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def seed_runs(django_db_setup, django_db_blocker):
    """`seed_demo` run twice in a transaction rolled back after the module's tests.

    Each test's own transaction nests inside it (pytest-django allows it for non-transactional
    tests), so the seed, which takes seconds, runs once per module.
    """
    with django_db_blocker.unblock():
        cache.clear()
        outer = transaction.atomic()
        outer.__enter__()
        try:
            first = seed()
            rows_first, passwords_first = row_counts(), password_hashes()
            second = seed()
            yield SeedRuns(
                first_output=first,
                second_output=second,
                rows_after_first=rows_first,
                rows_after_second=row_counts(),
                passwords_after_first=passwords_first,
                passwords_after_second=password_hashes(),
            )
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            cache.clear()


@pytest.fixture
def demo(seed_runs, db):
    """The seeded demo, inside the test's own transaction."""
    cache.clear()  # Wagtail caches the sites' root paths
    return seed_runs
