"""Reads of the portal pages shared by pages, templates and other apps.

Every function here issues a fixed number of queries, whatever the number of procedures;
what public pages read on every request is cached (`pages.cache`).
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page

from commune_sites.models import Collectivity
from commune_sites.selectors import collectivity_for_request

from .cache import cached
from .filters import CatalogueFilters
from .models import CataloguePage, FaqPage, ProcedurePage, Rubric, SearchSynonym
from .search import procedure_search

PAGE_SIZE = 20
# What a procedure's title and address need.
ADDRESS_FIELDS = ("title", "slug", "url_path", "path", "depth", "locale_id", "live")
# What a catalogue entry shows and links to.
LISTING_FIELDS = (*ADDRESS_FIELDS, "summary", "online", "collectivity__name")


@dataclass(frozen=True)
class SiteLinks:
    """Where the header's links lead on the current portal (empty on the directory)."""

    catalogue_url: str = ""
    faq_url: str = ""


@dataclass(frozen=True)
class CatalogueEntry:
    """A procedure as the catalogue shows it."""

    title: str
    summary: str
    url: str
    online: bool
    collectivity_name: str
    # Offered by the intercommunality rather than by the catalogue's collectivity.
    intercommunal: bool


@dataclass(frozen=True)
class CatalogueResults:
    """One page of results among `count`."""

    entries: list[CatalogueEntry]
    count: int
    number: int
    num_pages: int


@dataclass(frozen=True)
class CatalogueFacets:
    rubrics: list[Rubric]
    synonyms: list[SearchSynonym]


@dataclass(frozen=True)
class RubricButton:
    rubric: Rubric
    selected: bool
    toggle_querystring: str


@dataclass(frozen=True)
class CatalogueListing:
    results: CatalogueResults
    rubric_buttons: list[RubricButton]
    previous_querystring: str | None
    next_querystring: str | None


def content_language() -> str:
    """The content language (a Locale's language code) of the active language."""
    return get_supported_content_language_variant(translation.get_language())


def in_language_or_default(queryset: QuerySet, language_code: str) -> QuerySet:
    """Objects in that language, plus default-language objects not translated into it."""
    translations = queryset.model._default_manager.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=language_code
    )
    if issubclass(queryset.model, Page):
        translations = translations.filter(live=True)
    untranslated = Q(locale__language_code=settings.LANGUAGE_CODE) & ~Exists(translations)
    return queryset.filter(Q(locale__language_code=language_code) | untranslated)


def catalogue_collectivities(catalogue: CataloguePage) -> QuerySet[Collectivity]:
    """The catalogue's collectivity and its intercommunality (a subquery, not a query)."""
    return Collectivity.objects.filter(
        Q(pk=catalogue.collectivity_id) | Q(members=catalogue.collectivity_id)
    ).values("pk")


def catalogue_procedures(catalogue: CataloguePage) -> QuerySet[ProcedurePage]:
    """Live procedures of the catalogue's collectivity and intercommunality.

    In the active language, or in the default language when they are not translated.
    """
    procedures = ProcedurePage.objects.live().filter(
        collectivity__in=catalogue_collectivities(catalogue)
    )
    return (
        in_language_or_default(procedures, content_language())
        .select_related("collectivity")
        .only(*LISTING_FIELDS)
    )


def catalogue_rubrics(catalogue: CataloguePage) -> QuerySet[Rubric]:
    """Rubrics of the catalogue's collectivity, in the active language."""
    rubrics = Rubric.objects.filter(collectivity_id=catalogue.collectivity_id)
    return in_language_or_default(rubrics, content_language())


def catalogue_synonyms(catalogue: CataloguePage) -> QuerySet[SearchSynonym]:
    return SearchSynonym.objects.filter(collectivity_id=catalogue.collectivity_id)


def catalogue_facets(catalogue: CataloguePage) -> CatalogueFacets:
    """Rubrics (active language) and search synonyms of the catalogue's collectivity."""
    return CatalogueFacets(
        rubrics=list(catalogue_rubrics(catalogue)), synonyms=list(catalogue_synonyms(catalogue))
    )


def catalogue_listing(
    *, catalogue: CataloguePage, filters: CatalogueFilters, request
) -> CatalogueListing:
    """A page of the procedures matching the filters (rubrics: any of them), best first."""
    results = _catalogue_results(catalogue, filters, request)
    return CatalogueListing(
        results=results,
        rubric_buttons=[
            RubricButton(
                rubric=rubric,
                selected=rubric.slug in filters.rubric_slugs,
                toggle_querystring=filters.toggled(rubric.slug),
            )
            for rubric in catalogue_rubrics(catalogue)
        ],
        previous_querystring=(
            filters.querystring(page=results.number - 1) if results.number > 1 else None
        ),
        next_querystring=(
            filters.querystring(page=results.number + 1)
            if results.number < results.num_pages
            else None
        ),
    )


def catalogue_matches(
    *, catalogue: CataloguePage, filters: CatalogueFilters, procedures: QuerySet | None = None
) -> QuerySet[ProcedurePage] | list[ProcedurePage]:
    """The procedures matching the words and rubrics (any of them): best first when searching
    (a list), else by title (a queryset).

    `procedures` narrows `catalogue_procedures(catalogue)` or fetches other fields of it.
    """
    if procedures is None:
        procedures = catalogue_procedures(catalogue)
    if filters.rubric_slugs:
        in_rubrics = ProcedurePage.rubrics.through.objects.filter(
            procedurepage_id=OuterRef("pk"), rubric__slug__in=filters.rubric_slugs
        )
        procedures = procedures.filter(Exists(in_rubrics))
    if not filters.query:
        return procedures.order_by("title")
    return procedure_search(
        searchable=ProcedurePage.objects.live().filter(
            collectivity__in=catalogue_collectivities(catalogue)
        ),
        listing=procedures,
        query=filters.query,
        synonyms=catalogue_synonyms(catalogue),
    )


def _catalogue_results(
    catalogue: CataloguePage, filters: CatalogueFilters, request
) -> CatalogueResults:
    matches = catalogue_matches(catalogue=catalogue, filters=filters)
    page = Paginator(matches, PAGE_SIZE).get_page(filters.page)
    return CatalogueResults(
        entries=[_entry(catalogue, procedure, request) for procedure in page],
        count=page.paginator.count,
        number=page.number,
        num_pages=page.paginator.num_pages,
    )


def _entry(catalogue: CataloguePage, procedure: ProcedurePage, request) -> CatalogueEntry:
    intercommunal = procedure.collectivity_id != catalogue.collectivity_id
    if intercommunal:
        url = catalogue.intercommunal_url(procedure, request)
    else:
        url = procedure.get_url(request)
    return CatalogueEntry(
        title=procedure.title,
        summary=procedure.summary,
        url=url,
        online=procedure.online,
        collectivity_name=procedure.collectivity.name,
        intercommunal=intercommunal,
    )


def intercommunal_procedure(*, catalogue: CataloguePage, page_id: int) -> ProcedurePage | None:
    """A live procedure of the intercommunality of the catalogue's commune, or None."""
    return (
        ProcedurePage.objects.live()
        .filter(pk=page_id, collectivity__members=catalogue.collectivity_id)
        .select_related("collectivity")
        .first()
    )


def site_links(request) -> SiteLinks:
    """Header links of the portal serving the request."""
    collectivity = collectivity_for_request(request)
    if collectivity is None:
        return SiteLinks()
    return cached(
        "links",
        collectivity.pk,
        translation.get_language(),
        compute=lambda: _site_links(collectivity, request),
    )


def _site_links(collectivity: Collectivity, request) -> SiteLinks:
    """The first catalogue and FAQ of the collectivity, in one query."""
    pages = Page.objects.live().filter(
        Q(cataloguepage__collectivity=collectivity) | Q(faqpage__collectivity=collectivity)
    )
    urls = {}
    for page in in_language_or_default(pages, content_language()).order_by("-path"):
        urls[page.content_type_id] = page.get_url(request)  # the first by path wins
    content_types = ContentType.objects.get_for_models(CataloguePage, FaqPage)
    return SiteLinks(
        catalogue_url=urls.get(content_types[CataloguePage].pk, ""),
        faq_url=urls.get(content_types[FaqPage].pk, ""),
    )
