"""Schemathesis against the served OpenAPI schema: no server error, answers as documented.

The schema is read from the application (`/api/v1/openapi.json`) and every operation is called
in-process (WSGI) inside the test's transaction, so Django's per-request connection handling is
switched off as the test client does. Cases ask for existing objects, for unknown ones, and
send invalid parameters (negative mode).
"""

import re

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    negative_data_rejection,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
)

pytestmark = pytest.mark.django_db

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    negative_data_rejection,
    unsupported_method,
]
EXAMPLES = 400


@pytest.fixture
def in_test_transaction():
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def test_the_api_answers_as_its_schema_says(
    in_test_transaction, settings, commune, passport, compost
):
    settings.PUBLIC_API_RATE = "1000000/m"
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", get_wsgi_application())
    existing = {"slug": commune.slug, "procedure_id": passport.pk}
    strategies = []
    for result in schema.get_all_operations():
        operation = result.ok()
        names = re.findall(r"\{(\w+)\}", operation.path)
        strategies += [
            operation.as_strategy(path_parameters={name: existing[name] for name in names}),
            operation.as_strategy(),
            operation.as_strategy(generation_mode=GenerationMode.NEGATIVE),
        ]
    assert len(strategies) == 3 * 6

    @given(case=st.one_of(strategies))
    @hypothesis_settings(
        max_examples=EXAMPLES,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def answers_as_documented(case):
        case.call_and_validate(checks=CHECKS)

    answers_as_documented()
