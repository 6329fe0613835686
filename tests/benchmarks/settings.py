"""Benchmark settings: the test settings plus the stock Wagtail form page to compare with."""

from portal.settings.env import env_int
from portal.settings.test import *  # noqa: F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.stock_forms"]  # noqa: F405
DEBUG = False
# The test settings close the database connection after each request; DB_CONN_MAX_AGE keeps
# it open, as production does (bench_forms sets it).
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 0)  # noqa: F405
