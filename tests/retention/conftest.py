"""Fixtures of the retention tests: those of the back office (communes with procedures,
agents, citizens, a private folder of the test's own), and a full request planted with
distinct sentinel strings (`helpers.plant_request`)."""

import pytest
from django.contrib.auth import get_user_model

from tests.backoffice.conftest import (  # noqa: F401  (fixtures)
    citizen,
    commune_a,
    commune_b,
    english,
    intercommunality,
    make_agent,
    make_procedure,
    make_request,
    make_sent_request,
    make_town,
    make_user,
    private_media,
)


@pytest.fixture
def town(make_town):  # noqa: F811
    """A collectivity without site nor pages: it survives the flush of transactional tests."""
    return make_town()


@pytest.fixture
def superagent(db):
    """Processes every collectivity's requests without any permission row (transactional
    tests may have flushed those that migrations create)."""
    return get_user_model().objects.create_user(
        username="superviseur@example.fr", email="superviseur@example.fr", is_superuser=True
    )
