"""Tests: always PostgreSQL, fast hashing, in-memory email."""

import os

os.environ.setdefault("PORTAL_SCHEME", "http")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/portal")

from .base import *  # noqa: E402, F403
from .env import env_str  # noqa: E402

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.locmem.EmailBackend")
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
# Off, as without Redis: tests of the page cache turn it on.
PAGE_CACHE_SECONDS = 0
Q_CLUSTER = {**Q_CLUSTER, "sync": env_str("Q_SYNC", "1") == "1"}  # noqa: F405
# Tests sign staff in with force_login, without a second factor; tests/backoffice turn it on.
STAFF_MFA_REQUIRED = env_str("STAFF_MFA_REQUIRED", "0") == "1"
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405  (whitenoise warns when it is missing)
