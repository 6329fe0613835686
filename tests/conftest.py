"""Shared fixtures. Tests run on PostgreSQL (DATABASE_URL, default the local server)."""

import pytest
from django.core.cache import cache
from django.dispatch import receiver
from django.test.signals import setting_changed
from django.urls import clear_url_caches
from django.utils import translation

# One Chromium for the whole run, whichever folder a browser test is in.
pytest_plugins = ["tests.browser.fixtures"]


@receiver(setting_changed)
def forget_urls_on_language_change(*, setting, **kwargs):
    """Django keeps the reversed URLs of each language with the prefix it had then, and the
    default language (LANGUAGE_CODE) has none: when a test changes it, forget them, or later
    tests get English addresses without /en/."""
    if setting == "LANGUAGE_CODE":
        clear_url_caches()


def pytest_collection_modifyitems(items):
    """Tests that drive Chromium run in their own pytest process (`make test`): Playwright's sync
    API refuses to start in a worker where other tests left an asyncio loop behind."""
    for item in items:
        if "browser" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def isolated_test():
    """No language activated by an earlier request, no cached value from an earlier test."""
    translation.deactivate()
    cache.clear()
    yield
    translation.deactivate()
    cache.clear()
