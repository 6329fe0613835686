"""Fixtures of the headless API tests (shared with the Open311 tests) and the browser's."""

from tests.browser.conftest import assert_accessible, browser, host_url, page  # noqa: F401

from .fixtures import *  # noqa: F403
