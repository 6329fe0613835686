"""Whole public pages kept for anonymous visitors (`PAGE_CACHE_SECONDS`, 0: off).

A page is served from the cache to a GET or HEAD request without a session cookie or a
message to show: a signed-in citizen always gets the page made for them, and no page made
for a signed-in citizen is ever stored. An answer is stored when it is marked with
`allow_storing` (the portal's pages, by the `on_serve_page` hook of `pages.wagtail_hooks`), is
a 200 and sets no cookie but CSRF's.

Its key holds the scheme, host, path and query string, the language and the version of
`pages.cache`: any change of content (`pages.receivers`) serves fresh pages at once. The
CSRF token of the stored page (the language switcher is a form) is replaced, on each
serving, by a token of the visitor, whose CSRF cookie is set as usual.
"""

import hashlib
import re

from django.conf import settings
from django.contrib.messages.storage.cookie import CookieStorage
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import patch_vary_headers

from . import cache as content_cache

_CSRF_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
_CSRF_PLACEHOLDER = b"\x00csrf-token\x00"


def allow_storing(response) -> None:
    """Let `PageCacheMiddleware` keep this answer for anonymous visitors."""
    response.page_cache_allowed = True


class PageCacheMiddleware:
    """Serves and stores the pages, after CsrfViewMiddleware (which reads the visitor's CSRF
    cookie, and sets it when a served page gave a new token) and LocaleMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if not seconds or not _anonymous_read(request):
            return self.get_response(request)
        key = _key(request)
        stored = cache.get(key)
        if stored is not None:
            return _served(request, *stored)
        response = self.get_response(request)
        if request.method == "GET" and _storable(request, response):
            cache.set(key, _stored(response), seconds)
        return response


def _anonymous_read(request) -> bool:
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in cookies
        and CookieStorage.cookie_name not in cookies
    )


def _key(request) -> str:
    address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.blake2b(address.encode(), digest_size=16).hexdigest()
    return content_cache.key("page", request.LANGUAGE_CODE, digest)


def _storable(request, response) -> bool:
    session = getattr(request, "session", None)
    return (
        getattr(response, "page_cache_allowed", False)
        and response.status_code == 200
        and not response.streaming
        and not (session is not None and session.modified)
        and all(name == settings.CSRF_COOKIE_NAME for name in response.cookies)
    )


def _stored(response) -> tuple[bytes, list[tuple[str, str]]]:
    content = _CSRF_INPUT.sub(rb"\1" + _CSRF_PLACEHOLDER + rb"\2", response.content)
    return content, list(response.items())


def _served(request, content: bytes, headers: list[tuple[str, str]]) -> HttpResponse:
    if _CSRF_PLACEHOLDER in content:
        content = content.replace(_CSRF_PLACEHOLDER, get_token(request).encode())
    response = HttpResponse(content, headers=dict(headers))
    # As the page made for this visitor would: other cookies, other page.
    patch_vary_headers(response, ("Cookie",))
    return response
