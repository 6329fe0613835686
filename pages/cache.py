"""Cached reads of the public pages, all dropped at once when content changes.

Header links, the catalogue's listing (a template fragment) and whole pages served to
anonymous visitors (`pages.page_cache`) are read on every public request and change rarely:
`pages.receivers` calls `content_changed()` when pages, rubrics, synonyms, collectivities,
sites, images or documents change.
"""

from collections.abc import Callable
from typing import TypeVar

from commune_sites.cache import Namespace

T = TypeVar("T")

TIMEOUT = 5 * 60
_content = Namespace("pages", timeout=TIMEOUT)


def version() -> int:
    """The current version: part of every cache key (template fragments included)."""
    return _content.version()


def key(*parts) -> str:
    """A cache key at the current version."""
    return _content.key(*parts)


def cached(*key_parts, compute: Callable[[], T]) -> T:
    """The cached value for these key parts, computed and stored when missing."""
    return _content.cached(*key_parts, compute=compute)


def content_changed() -> None:
    """Forget every cached value."""
    _content.clear()
