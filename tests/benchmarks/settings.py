"""Benchmark settings: the test settings served as the README's production is, plus the stock
Wagtail form page to compare with.

As in production: persistent database connections (DB_CONN_MAX_AGE, 60 s), Redis for the
cache, the sessions and the job queue (BENCH_REDIS_URL), the page cache for anonymous
visitors (PAGE_CACHE_SECONDS, 300 s). The stock page is served by the same processes with the
same settings.
"""

import os

os.environ["REDIS_URL"] = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")

from portal.settings.env import env_int  # noqa: E402
from portal.settings.test import *  # noqa: E402, F403

INSTALLED_APPS = [*INSTALLED_APPS, "tests.stock_forms"]  # noqa: F405
DEBUG = False
DATABASES["default"]["CONN_MAX_AGE"] = env_int("DB_CONN_MAX_AGE", 60)  # noqa: F405
PAGE_CACHE_SECONDS = env_int("PAGE_CACHE_SECONDS", 300)
