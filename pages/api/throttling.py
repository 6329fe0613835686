"""Rate limiting of the public endpoints, per client address, in the default cache.

A fixed window: the cache counts the requests of each address during the current period
(`cache.incr` is atomic in Redis and in the local-memory cache). The client address is
REMOTE_ADDR, or the address given by the trusted proxies (NINJA_NUM_PROXIES).
"""

import time
from collections.abc import Callable
from functools import wraps

from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from ninja.throttling import BaseThrottle

from . import app_settings

PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """ "120/m" → (120 requests, 60 seconds)."""
    count, _slash, period = rate.partition("/")
    return int(count), PERIODS[period.strip()[:1]]


class PublicRateThrottle(BaseThrottle):
    """Stateless between requests (shared by threads): the counts live in the cache."""

    def allow_request(self, request: HttpRequest) -> bool:
        allowed, seconds = parse_rate(app_settings.public_api_rate())
        window = int(time.time() // seconds)
        key = f"pages-api:rate:{self.get_ident(request)}:{seconds}:{window}"
        cache.add(key, 0, timeout=seconds + 1)
        try:
            count = cache.incr(key)
        except ValueError:  # evicted between add() and incr()
            cache.set(key, 1, timeout=seconds + 1)
            count = 1
        return count <= allowed

    def wait(self) -> float:
        """Seconds until the current window ends."""
        _allowed, seconds = parse_rate(app_settings.public_api_rate())
        return seconds - time.time() % seconds


def too_many_requests() -> HttpResponse:
    return JsonResponse({"detail": "Too many requests: please retry later."}, status=429)


def rate_limited(view, *, refusal: Callable[[], HttpResponse] = too_many_requests):
    """Refuse the requests of a client over the rate with `refusal()` (429) and Retry-After."""
    throttle = PublicRateThrottle()

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        if throttle.allow_request(request):
            return view(request, *args, **kwargs)
        response = refusal()
        response["Retry-After"] = str(int(throttle.wait()) + 1)
        return response

    return wrapped
