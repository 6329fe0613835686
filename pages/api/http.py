"""HTTP behaviour shared by the public endpoints: CORS open to reading, conditional requests.

An endpoint first reads the *version* of what it would answer, with cheap queries (counts,
latest publication dates, a few small rows), and derives its ETag from it. A client whose copy
is current gets 304 before anything is serialised.
"""

import hashlib
from dataclasses import dataclass
from datetime import datetime
from functools import wraps

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date

from . import app_settings

CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After",
}
PREFLIGHT_HEADERS = {
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "Accept, Accept-Language, If-None-Match, If-Modified-Since",
    "Access-Control-Max-Age": "86400",
}


def cors_open(view):
    """Let pages of any origin read the view's answers (no credentials); answer preflights."""

    @wraps(view)
    def wrapped(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
            for name, value in PREFLIGHT_HEADERS.items():
                response[name] = value
        else:
            response = view(request, *args, **kwargs)
        for name, value in CORS_HEADERS.items():
            response[name] = value
        return response

    return wrapped


@dataclass(frozen=True)
class Version:
    """What an answer depends on: `key` (plain values) and, when known, its last change."""

    key: tuple
    last_modified: datetime | None = None


def version_etag(request: HttpRequest, version: Version) -> str:
    """A strong ETag for this URL (host and query included) at this version."""
    source = repr((request.get_host(), request.get_full_path(), version.key))
    digest = hashlib.blake2b(source.encode(), digest_size=16).hexdigest()
    return f'"{digest}"'


def set_cache_headers(response: HttpResponse, *, etag: str, version: Version) -> None:
    response["ETag"] = etag
    if version.last_modified is not None:
        response["Last-Modified"] = http_date(version.last_modified.timestamp())
    patch_cache_control(response, public=True, max_age=app_settings.public_api_max_age())


def not_modified(
    request: HttpRequest, response: HttpResponse, version: Version
) -> HttpResponse | None:
    """Put the validators and caching headers on `response`; return the 304 answer (or 412)
    when the client's conditions say its copy is current, else None."""
    etag = version_etag(request, version)
    set_cache_headers(response, etag=etag, version=version)
    last_modified = version.last_modified
    answer = get_conditional_response(
        request,
        etag=etag,
        last_modified=int(last_modified.timestamp()) if last_modified else None,
        response=response,
    )
    return None if answer is response else answer
