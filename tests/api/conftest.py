"""Fixtures of the headless API tests (shared with the Open311 tests)."""

from .fixtures import *  # noqa: F403
