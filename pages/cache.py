"""Cached reads of the public pages, all dropped at once by bumping a version number.

Header links and the catalogue's listing (a template fragment) are read on every public
request and change rarely: `pages.receivers` calls `content_changed()` when pages, rubrics,
synonyms or collectivities change. The timeout bounds staleness when each process has its own cache
(local memory, the embedded demo); with Redis every process sees a change at once.
"""

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

T = TypeVar("T")

TIMEOUT = 5 * 60
_VERSION_KEY = "pages:version"


def version() -> int:
    """The current version: part of every cache key (template fragments included)."""
    return cache.get_or_set(_VERSION_KEY, 1, timeout=None)


def cached(*key_parts, compute: Callable[[], T]) -> T:
    """The cached value for these key parts, computed and stored when missing."""
    key = ":".join(["pages", str(version()), *map(str, key_parts)])
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, TIMEOUT)
    return value


def content_changed() -> None:
    """Forget every cached value."""
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:  # No version yet: nothing cached.
        cache.set(_VERSION_KEY, 1, timeout=None)
