"""URLs of the headless API and of stable procedure links, included at the root (before the
pages that Wagtail serves) without a namespace: Wagtail's API reverses its own as `wagtailapi`."""

from django.urls import path

from .http import cors_open
from .links import stable_link
from .public import api
from .wagtail_v2 import wagtail_api_router


def _cors_open_patterns(urls: tuple) -> tuple:
    """The API's URL patterns with every view wrapped by `cors_open`."""
    patterns, app, namespace = urls
    for pattern in patterns:
        pattern.callback = cors_open(pattern.callback)
    return patterns, app, namespace


urlpatterns = [
    path("api/v1/", _cors_open_patterns(api.urls)),
    path("api/v2/", wagtail_api_router.urls),
    path("d/<int:page_id>/", stable_link, name="procedure_stable_link"),
]
