"""Fixtures of the form engine tests."""

import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def english():
    """Messages in the source language, whatever LANGUAGE_CODE says."""
    with translation.override("en"):
        yield
