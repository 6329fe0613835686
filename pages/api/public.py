"""The public catalogue API (`/api/v1/`): directory, procedures, rubrics and FAQ.

Read-only and anonymous. Every answer carries an ETag (and a Last-Modified date where the
content has one) and may be cached for a few minutes; a conditional request whose copy is
current gets 304 without its content being read. CORS is open (`cors_open`, in urls.py) and
each client address has a rate limit (`PUBLIC_API_RATE`).
"""

from collections.abc import Sequence
from typing import Literal

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from ninja import Field, NinjaAPI, Query, Schema
from ninja.errors import HttpError

from commune_sites.models import Collectivity

from . import selectors, throttling
from .http import Version, not_modified
from .schemas import (
    CollectivityList,
    CollectivityOut,
    ErrorOut,
    FaqEntryList,
    ProcedureDetailOut,
    ProcedureList,
    RubricList,
    ValidationErrorOut,
)

Language = Literal[tuple(code for code, _name in settings.LANGUAGES)]
DESCRIPTION = """
The procedures that French communes and intercommunalities offer on the citizen portal, for
their own websites: list them, link to them with addresses that do not change, or embed them
(see `/integration/`). Read-only, no personal data.

- Lists are paginated (`page`, `page_size`).
- Answers carry `ETag` and, where known, `Last-Modified`: send `If-None-Match` or
  `If-Modified-Since` to get `304 Not Modified` when nothing changed.
- Any origin may read the answers (CORS). Each client address may make a limited number of
  requests per minute; over it, the answer is `429` with `Retry-After`.
"""

api = NinjaAPI(
    title="Portail citoyen – public catalogue",
    version="1",
    description=DESCRIPTION,
    urls_namespace="public_api",
    throttle=[throttling.PublicRateThrottle()],
)

ERRORS = {304: None, 404: ErrorOut, 422: ValidationErrorOut, 429: ErrorOut}


class PageParams(Schema):
    page: int = Field(1, ge=1, le=10_000, description="Page number, from 1.")
    page_size: int = Field(20, ge=1, le=100)


class DirectoryParams(PageParams):
    q: str = Field(
        "",
        max_length=100,
        description="Words of the name (accents and case do not matter, the start of a word "
        "is enough, St = Saint) and/or the start of a postal code; at most 200 results.",
    )


class LanguageParams(PageParams):
    lang: Language = Field(settings.LANGUAGE_CODE, description="Language of the content.")


class CatalogueParams(LanguageParams):
    q: str = Field("", max_length=100, description="Words searched in the procedures.")
    rubric: list[str] = Field([], max_length=20, description="Rubric slugs (any of them).")


def _collectivity_or_404(slug: str) -> Collectivity:
    collectivity = selectors.collectivity_get(slug=slug)
    if collectivity is None:
        raise HttpError(404, "No collectivity on the portal has this slug.")
    return collectivity


def _collectivity_answer(request, response, slug: str, lang: str, version_of, build):
    """The answer about the collectivity `slug`: 404 when it is unknown, 304 when the
    client's copy is current (`version_of(collectivity=…)`), else `build(collectivity)` in
    the language `lang`."""
    collectivity = _collectivity_or_404(slug)
    version = version_of(collectivity=collectivity)
    if (answer := not_modified(request, response, version)) is not None:
        return answer
    with translation.override(lang):
        return build(collectivity)


def _catalogue_answer(request, response, slug: str, lang: str, build):
    """`_collectivity_answer` about its catalogue: `build(collectivity, catalogue)`, the
    catalogue in `lang` or in the default language (None when it has none)."""

    def build_on_catalogue(collectivity):
        catalogue = selectors.catalogue_for(collectivity_id=collectivity.pk, language=lang)
        return build(collectivity, catalogue)

    return _collectivity_answer(
        request, response, slug, lang, selectors.catalogue_version, build_on_catalogue
    )


def _window(items: Sequence, params: PageParams) -> tuple[int, list]:
    """The number of `items` (a list or a queryset) and those of the requested page."""
    count = len(items) if isinstance(items, list) else items.count()
    start = (params.page - 1) * params.page_size
    return count, list(items[start : start + params.page_size])


def _page(request: HttpRequest, params: PageParams, items: Sequence, convert) -> dict:
    """The requested page of `items`, converted for the answer, with links to its neighbours."""
    count, rows = _window(items, params)
    return _page_of_rows(request, params, count, rows, convert)


def _page_of_rows(request, params: PageParams, count: int, rows: list, convert) -> dict:
    def link(page: int) -> str:
        query = request.GET.copy()
        query["page"] = str(page)
        return request.build_absolute_uri(f"{request.path}?{query.urlencode()}")

    return {
        "count": count,
        "page": params.page,
        "page_size": params.page_size,
        "next": link(params.page + 1) if params.page * params.page_size < count else None,
        "previous": link(params.page - 1) if params.page > 1 else None,
        "results": [convert(row) for row in rows],
    }


# --- Collectivities


def _collectivity_ref(collectivity: Collectivity) -> dict:
    return {"slug": collectivity.slug, "name": collectivity.name, "kind": collectivity.kind}


def _collectivity_out(collectivity: Collectivity) -> dict:
    interco = collectivity.intercommunality
    return {
        **_collectivity_ref(collectivity),
        "code": collectivity.code,
        "postal_codes": collectivity.postal_code_list,
        "intercommunality": _collectivity_ref(interco) if interco else None,
        "portal_url": collectivity.site.root_url + "/",
        "contact": {
            "address": collectivity.address,
            "phone": collectivity.phone,
            "email": collectivity.email,
            "opening_hours": collectivity.opening_hours,
            "website": collectivity.website,
        },
    }


@api.get(
    "/collectivities",
    response={200: CollectivityList, **ERRORS},
    summary="Directory of the collectivities on the portal",
    tags=["directory"],
)
def collectivity_list(request, response: HttpResponse, params: Query[DirectoryParams]):
    """All the communes and intercommunalities on the portal by name, or those matching `q`
    (best matches first), as the portal's directory finds them."""
    found = selectors.directory_collectivities(query=params.q.strip())
    count, rows = _window(found, params)
    selectors.with_intercommunalities(rows)
    # The rows of the page are read anyway: their values are the version.
    version = Version(key=(count, tuple(selectors.collectivity_key(c) for c in rows)))
    if (answer := not_modified(request, response, version)) is not None:
        return answer
    return _page_of_rows(request, params, count, rows, _collectivity_out)


@api.get(
    "/collectivities/{slug}",
    response={200: CollectivityOut, **ERRORS},
    summary="One collectivity",
    tags=["directory"],
)
def collectivity_detail(request, response: HttpResponse, slug: str):
    collectivity = _collectivity_or_404(slug)
    version = Version(key=selectors.collectivity_key(collectivity))
    if (answer := not_modified(request, response, version)) is not None:
        return answer
    return _collectivity_out(collectivity)


# --- Catalogue


def _procedure_out(item: selectors.ProcedureItem) -> dict:
    procedure = item.procedure
    return {
        "id": procedure.pk,
        "title": procedure.title,
        "description": procedure.summary,
        "online": procedure.online,
        "incident_report": procedure.is_incident_report,
        "rubrics": [{"slug": r.slug, "name": r.name} for r in item.rubrics],
        "collectivity": _collectivity_ref(item.owner),
        "intercommunal": item.intercommunal,
        "language": item.language,
        "url": item.url,
        "stable_url": item.stable_url,
        "request_url": item.request_url,
        "last_published_at": procedure.last_published_at,
    }


@api.get(
    "/collectivities/{slug}/procedures",
    response={200: ProcedureList, **ERRORS},
    summary="Procedures offered on a collectivity's portal",
    tags=["catalogue"],
)
def procedure_list(request, response: HttpResponse, slug: str, params: Query[CatalogueParams]):
    """The procedures of the collectivity and of its intercommunality, by title, or those
    matching `q` (best first), as the catalogue page of the portal shows them."""

    def build(collectivity, catalogue):
        if catalogue is None:
            return _page_of_rows(request, params, 0, [], _procedure_out)
        filters = selectors.catalogue_filters(query=params.q, rubric_slugs=params.rubric)
        procedures = selectors.matching_procedures(catalogue=catalogue, filters=filters)
        count, page = _window(procedures, params)
        items = selectors.catalogue_items(
            collectivity=collectivity, catalogue=catalogue, procedures=page, request=request
        )
        return _page_of_rows(request, params, count, items, _procedure_out)

    return _catalogue_answer(request, response, slug, params.lang, build)


@api.get(
    "/procedures/{procedure_id}",
    response={200: ProcedureDetailOut, **ERRORS},
    summary="One procedure, on the portal of the collectivity that offers it",
    tags=["catalogue"],
)
def procedure_detail(request, response: HttpResponse, procedure_id: int):
    procedure = selectors.procedure_get(page_id=procedure_id)
    if procedure is None:
        raise HttpError(404, "No published procedure has this id.")
    version = selectors.procedure_version(procedure)
    if (answer := not_modified(request, response, version)) is not None:
        return answer
    return {
        **_procedure_out(selectors.procedure_item(procedure)),
        "eligibility_html": procedure.eligibility,
        "documents_to_prepare": [
            {"name": document.value["name"], "details": document.value["details"]}
            for document in procedure.documents
        ],
        "processing_time": procedure.processing_time,
        "counter_place": procedure.counter_place,
        "counter_hours": procedure.counter_hours,
    }


@api.get(
    "/collectivities/{slug}/rubrics",
    response={200: RubricList, **ERRORS},
    summary="Rubrics of a collectivity's catalogue",
    tags=["catalogue"],
)
def rubric_list(request, response: HttpResponse, slug: str, params: Query[LanguageParams]):
    def build(collectivity, catalogue):
        links = []
        if catalogue is not None:
            links = selectors.catalogue_rubric_links(catalogue, collectivity.site.root_url)
        return _page(request, params, links, _rubric_out)

    return _catalogue_answer(request, response, slug, params.lang, build)


def _rubric_out(link: tuple) -> dict:
    rubric, catalogue_url = link
    return {
        "slug": rubric.slug,
        "name": rubric.name,
        "description": rubric.description,
        "catalogue_url": catalogue_url,
    }


# --- FAQ


@api.get(
    "/collectivities/{slug}/faq",
    response={200: FaqEntryList, **ERRORS},
    summary="Questions and answers of a collectivity's FAQ",
    tags=["faq"],
)
def faq_entry_list(request, response: HttpResponse, slug: str, params: Query[LanguageParams]):
    def build(collectivity):
        entries = selectors.faq_entries(collectivity=collectivity, language=params.lang)
        return _page(request, params, entries, _faq_entry_out)

    return _collectivity_answer(request, response, slug, params.lang, selectors.faq_version, build)


def _faq_entry_out(entry: selectors.FaqEntry) -> dict:
    return {
        "section": entry.section,
        "question": entry.question,
        "answer_html": entry.answer_html,
        "answer_text": entry.answer_text,
        "url": entry.url,
    }
