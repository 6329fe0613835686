"""Fixtures of the benchmarks' tests: the citizen space's (a commune, a procedure, a citizen)."""

from tests.citizen_space.conftest import (  # noqa: F401 (fixtures)
    citizen,
    citizen_client,
    commune,
    english,
    intercommunality,
    make_citizen,
    make_procedure,
    private_media,
    procedure,
)
