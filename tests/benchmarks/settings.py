"""Benchmark settings: the test settings plus the stock Wagtail form page to compare with."""

from portal.settings.test import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.stock_forms"]  # noqa: F405
DEBUG = False
