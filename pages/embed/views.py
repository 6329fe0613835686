"""Views of the embed widget: the script, the list and the button (as fragments for the script
and as documents for iframes), and the integration page that shows the snippets at work.

Widget answers set no cookie (no session, CSRF token or language cookie is touched), may be
framed by any site and read by any origin, and are rate-limited like the public API.
"""

import json
from functools import wraps
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views.decorators.clickjacking import xframe_options_exempt

from commune_sites.models import Collectivity
from commune_sites.selectors import collectivity_for_request

from ..api import app_settings
from ..api.http import cors_open
from ..api.selectors import (
    REQUEST_START,
    catalogue_for,
    collectivity_get,
    procedure_offered,
    procedure_url_on_portal,
)
from ..api.throttling import rate_limited
from ..filters import CatalogueFilters
from ..models import ProcedurePage
from ..selectors import catalogue_listing, content_language

LANGUAGE_PARAM = "lang"
BUTTON_ID_PLACEHOLDER = 999_999_999


def widget_language(request) -> str:
    """The language asked by the snippet (`lang`), else the portal's default language."""
    language = request.GET.get(LANGUAGE_PARAM, "")
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def with_language(url: str, language: str) -> str:
    """`url` with its `lang` parameter set to `language`."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query) if k != LANGUAGE_PARAM]
    return urlunsplit(parts._replace(query=urlencode([*query, (LANGUAGE_PARAM, language)])))


def widget_view(view):
    """A widget answer: rate-limited, readable from any origin, frameable, cacheable, in the
    snippet's language."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        with translation.override(widget_language(request)):
            response = view(request, *args, **kwargs)
        response["Content-Security-Policy"] = "frame-ancestors *"
        patch_cache_control(response, public=True, max_age=app_settings.public_api_max_age())
        return response

    return cors_open(xframe_options_exempt(rate_limited(wrapped)))


def _serving_collectivity(request) -> Collectivity:
    collectivity = collectivity_for_request(request)
    if collectivity is None:
        raise Http404
    return collectivity


# --- The procedure list


def _procedures(request, *, template: str, url_name: str, link_target: str):
    collectivity = _serving_collectivity(request)
    catalogue = catalogue_for(collectivity_id=collectivity.pk, language=content_language())
    if catalogue is None:
        raise Http404
    language = translation.get_language()
    filters = CatalogueFilters.from_querydict(request.GET)
    listing = catalogue_listing(catalogue=catalogue, filters=filters, request=request)
    base = request.build_absolute_uri(reverse(url_name))

    def link(querystring: str | None) -> str | None:
        return None if querystring is None else with_language(base + querystring, language)

    context = {
        "collectivity": collectivity,
        "filters": filters,
        "language": language,
        "action_url": base,
        "link_target": link_target,
        "count": listing.results.count,
        "entries": [
            (entry, request.build_absolute_uri(entry.url)) for entry in listing.results.entries
        ],
        "rubrics": [(button, link(button.toggle_querystring)) for button in listing.rubric_buttons],
        "all_rubrics_url": link(filters.querystring(rubric_slugs=())),
        "previous_url": link(listing.previous_querystring),
        "next_url": link(listing.next_querystring),
        "catalogue_url": request.build_absolute_uri(catalogue.get_url(request)),
        "stylesheet_url": request.build_absolute_uri(static("embed/widget.css")),
    }
    return render(request, template, context)


@widget_view
def procedures_frame(request):
    """The procedure list as a document, for an iframe: links open in the whole window."""
    return _procedures(
        request,
        template="embed/procedures_frame.html",
        url_name="embed:procedures_frame",
        link_target="_top",
    )


@widget_view
def procedures_fragment(request):
    """The procedure list as a fragment, that the script puts in its placeholder."""
    return _procedures(
        request,
        template="embed/procedures.html",
        url_name="embed:procedures_fragment",
        link_target="",
    )


# --- The button of one procedure


def _button(request, procedure_id: int, *, template: str, link_target: str):
    collectivity = _serving_collectivity(request)
    procedure = procedure_offered(collectivity=collectivity, page_id=procedure_id)
    page_url = procedure and procedure_url_on_portal(
        collectivity=collectivity, procedure=procedure, request=request
    )
    if not page_url:
        raise Http404
    if procedure.online:
        url = request.build_absolute_uri(reverse(REQUEST_START, args=[procedure.pk]))
    else:
        url = request.build_absolute_uri(page_url)
    context = {
        "procedure": procedure,
        "url": url,
        "link_target": link_target,
        "stylesheet_url": request.build_absolute_uri(static("embed/widget.css")),
    }
    return render(request, template, context)


@widget_view
def button_frame(request, procedure_id: int):
    return _button(request, procedure_id, template="embed/button_frame.html", link_target="_top")


@widget_view
def button_fragment(request, procedure_id: int):
    return _button(request, procedure_id, template="embed/button.html", link_target="")


# --- The script


@widget_view
def script(request):
    """The snippet's script, configured for the portal that serves it."""
    collectivity = _serving_collectivity(request)
    button = reverse("embed:button_fragment", args=[BUTTON_ID_PLACEHOLDER])
    config = {
        "languages": [code for code, _name in settings.LANGUAGES],
        "defaultLanguage": settings.LANGUAGE_CODE,
        "procedures": request.build_absolute_uri(reverse("embed:procedures_fragment")),
        "button": request.build_absolute_uri(button).replace(str(BUTTON_ID_PLACEHOLDER), "{id}"),
        "stylesheet": request.build_absolute_uri(static("embed/widget.css")),
        "portal": collectivity.site.root_url + "/",
        "messages": {
            language: _script_messages(language, collectivity)
            for language in dict(settings.LANGUAGES)
        },
    }
    return render(
        request,
        "embed/embed.js",
        {"config": json.dumps(config, ensure_ascii=False)},
        content_type="text/javascript; charset=utf-8",
    )


def _script_messages(language: str, collectivity: Collectivity) -> dict:
    with translation.override(language):
        return {
            "loading": translation.gettext("Loading the procedures…"),
            "error": translation.gettext(
                "The procedures cannot be shown at the moment. You can find them on the "
                "portal of %(name)s."
            )
            % {"name": collectivity.name},
            "portal": translation.gettext("Go to the portal"),
        }


# --- The integration page of the portal


def integration(request):
    """How to embed the procedures of a collectivity, with the snippets at work.

    On a collectivity's portal, its own; on the portal directory, the collectivity chosen
    (`?commune=<slug>`), whose widget then comes from another origin than this page.
    """
    collectivity = collectivity_for_request(request)
    choices = []
    if collectivity is None:
        collectivity = collectivity_get(slug=request.GET.get("commune", ""))
        choices = Collectivity.objects.filter(site__isnull=False).order_by("name")
    context = {"collectivity": collectivity, "choices": choices}
    if collectivity is not None:
        root = collectivity.site.root_url
        example = _example_procedure(collectivity)
        context.update(
            script_url=root + reverse("embed:script"),
            frame_url=root + reverse("embed:procedures_frame"),
            example=example,
            button_frame_url=example and root + reverse("embed:button_frame", args=[example.pk]),
            api_docs_url=root + reverse("public_api:openapi-view"),
        )
    return render(request, "embed/integration.html", context)


def _example_procedure(collectivity: Collectivity) -> ProcedurePage | None:
    """An online procedure of the collectivity, to show the button snippet with."""
    return (
        ProcedurePage.objects.live()
        .filter(collectivity=collectivity, online=True)
        .order_by("title")
        .only("pk", "title")
        .first()
    )
