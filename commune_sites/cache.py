"""Cached reads grouped in namespaces, each dropped at once by bumping its version number.

A namespace's version is part of each of its keys, or stored with each of its values:
`clear()` makes every value stored under the old version unreachable (left to expire). With
Redis every process sees a clear at once; with the local-memory cache (the embedded demo) a
process sees another's clear only when its own values expire, after `timeout` seconds.
"""

from collections.abc import Callable
from typing import TypeVar

from django.core.cache import cache

T = TypeVar("T")


class Namespace:
    def __init__(self, name: str, *, timeout: int):
        self.name = name
        self.timeout = timeout
        self._version_key = f"{name}:version"

    def version(self) -> int:
        return cache.get_or_set(self._version_key, 1, timeout=None)

    def key(self, *parts) -> str:
        """A key of this namespace at its current version."""
        return ":".join([self.name, str(self.version()), *map(str, parts)])

    def cached(self, *key_parts, compute: Callable[[], T]) -> T:
        """The cached value for these key parts (None included), computed when missing.

        One round trip to the cache: the value is stored with the version it was computed
        at, and read with the current version."""
        key = ":".join([self.name, *map(str, key_parts)])
        found = cache.get_many([self._version_key, key])
        version = found.get(self._version_key)
        if version is None:
            version = self.version()
        stored = found.get(key)
        if stored is not None and stored[0] == version:
            return stored[1]
        value = compute()
        cache.set(key, (version, value), self.timeout)
        return value

    def clear(self) -> None:
        """Forget every value of the namespace."""
        try:
            cache.incr(self._version_key)
        except ValueError:  # No version yet: nothing cached.
            cache.set(self._version_key, 1, timeout=None)
