"""Reads of the public API and the embed widget.

For each kind of answer, a `*_version()` reads what the answer depends on with cheap queries
(counts, latest publication dates, a few small rows): its ETag is derived from it before any
content is read or serialised.
"""

from dataclasses import dataclass
from urllib.parse import urljoin

from django.db.models import Count, Max, Q, QuerySet, prefetch_related_objects
from django.http import QueryDict
from django.urls import reverse
from django.utils.html import strip_tags
from wagtail.models import Locale, Page
from wagtail.rich_text import expand_db_html

from commune_sites.models import Collectivity
from commune_sites.selectors import collectivity_search

from ..filters import QUERY_PARAM, RUBRIC_PARAM, CatalogueFilters
from ..models import CataloguePage, FaqPage, ProcedurePage, Rubric
from ..selectors import (
    ADDRESS_FIELDS,
    catalogue_facets,
    catalogue_matches,
    catalogue_procedures,
    in_language_or_default,
)
from .http import Version

MAX_SEARCH_RESULTS = 200
STABLE_LINK = "procedure_stable_link"
REQUEST_START = "citizen_space:request_start"  # the request flow, by URL name
# What an API item shows of a procedure and needs for its addresses.
ITEM_FIELDS = (
    *ADDRESS_FIELDS,
    "last_published_at",
    "summary",
    "online",
    "is_incident_report",
    "collectivity_id",
)


@dataclass(frozen=True)
class ProcedureItem:
    """A procedure as offered on a collectivity's portal, with its absolute addresses."""

    procedure: ProcedurePage
    owner: Collectivity
    intercommunal: bool
    rubrics: list[Rubric]
    language: str
    url: str
    stable_url: str
    request_url: str | None


@dataclass(frozen=True)
class FaqEntry:
    section: str
    question: str
    answer_html: str
    url: str

    @property
    def answer_text(self) -> str:
        return " ".join(strip_tags(self.answer_html).split())


# --- Collectivities


def collectivity_get(*, slug: str) -> Collectivity | None:
    """A collectivity that has a portal, with its site and its intercommunality."""
    return (
        Collectivity.objects.select_related("site", "intercommunality")
        .filter(slug=slug, site__isnull=False)
        .first()
    )


def directory_collectivities(*, query: str) -> QuerySet[Collectivity] | list[Collectivity]:
    """Collectivities on the portal: matching the query as on the directory page, or all."""
    if query:
        return collectivity_search(query, limit=MAX_SEARCH_RESULTS)
    return Collectivity.objects.filter(site__isnull=False).select_related("site").order_by("name")


def with_intercommunalities(collectivities: list[Collectivity]) -> None:
    """Fetch the intercommunalities of the collectivities (one query)."""
    prefetch_related_objects(collectivities, "intercommunality")


def collectivity_key(collectivity: Collectivity) -> tuple:
    """Everything the API shows of a collectivity (its intercommunality's name included)."""
    site = collectivity.site
    interco = collectivity.intercommunality
    return (
        collectivity.pk,
        collectivity.slug,
        collectivity.name,
        collectivity.kind,
        collectivity.code,
        collectivity.postal_codes,
        collectivity.address,
        collectivity.phone,
        collectivity.email,
        collectivity.opening_hours,
        collectivity.website,
        site and (site.hostname, site.port),
        interco and (interco.pk, interco.slug, interco.name),
    )


# --- Catalogue: procedures and rubrics


def owner_ids(collectivity: Collectivity) -> list[int]:
    """The collectivities whose procedures a collectivity's catalogue offers."""
    return [pk for pk in (collectivity.pk, collectivity.intercommunality_id) if pk]


def catalogue_version(*, collectivity: Collectivity) -> Version:
    """Version of the catalogue's procedures and rubrics: two small queries.

    Live procedures and catalogues counted with their latest publication (a publication,
    an unpublication or a move changes it), and the rubrics' rows, which have no date.
    """
    owners = owner_ids(collectivity)
    pages = (
        Page.objects.filter(live=True)
        .filter(
            Q(procedurepage__collectivity_id__in=owners)
            | Q(cataloguepage__collectivity_id=collectivity.pk)
        )
        .aggregate(count=Count("pk"), latest=Max("last_published_at"))
    )
    rubrics = tuple(
        Rubric.objects.filter(collectivity_id__in=owners)
        .order_by("pk")
        .values_list("pk", "locale_id", "slug", "name", "description", "sort_order")
    )
    return Version(
        key=(collectivity_key(collectivity), pages["count"], pages["latest"], rubrics),
        last_modified=pages["latest"],
    )


def catalogue_for(*, collectivity_id: int, language: str) -> CataloguePage | None:
    """The collectivity's catalogue in `language`, or in the default language."""
    catalogues = CataloguePage.objects.live().filter(collectivity_id=collectivity_id)
    return in_language_or_default(catalogues, language).order_by("path").first()


def matching_procedures(*, catalogue: CataloguePage, filters: CatalogueFilters) -> list:
    """The catalogue's procedures matching the words and rubrics (any), best first when
    searching, else by title: the catalogue page's listing, with the API's fields."""
    procedures = catalogue_procedures(catalogue).select_related(None).only(*ITEM_FIELDS)
    return list(catalogue_matches(catalogue=catalogue, filters=filters, procedures=procedures))


def catalogue_filters(*, query: str, rubric_slugs) -> CatalogueFilters:
    """Filters normalised as the catalogue page does it."""
    params = QueryDict(mutable=True)
    params[QUERY_PARAM] = query
    params.setlist(RUBRIC_PARAM, list(rubric_slugs))
    return CatalogueFilters.from_querydict(params)


def catalogue_items(
    *, collectivity: Collectivity, catalogue: CataloguePage, procedures: list, request
) -> list[ProcedureItem]:
    """The procedures of a collectivity's catalogue with their owner, rubrics and addresses."""
    rubrics = procedure_rubrics([procedure.pk for procedure in procedures])
    languages = locale_languages()
    root = collectivity.site.root_url
    owners = {collectivity.pk: collectivity}
    if collectivity.intercommunality_id:
        owners[collectivity.intercommunality_id] = collectivity.intercommunality
    items = []
    for procedure in procedures:
        intercommunal = procedure.collectivity_id != collectivity.pk
        if intercommunal:
            url = catalogue.intercommunal_url(procedure, request)
        else:
            url = procedure.get_url(request)
        items.append(
            ProcedureItem(
                procedure=procedure,
                owner=owners[procedure.collectivity_id],
                intercommunal=intercommunal,
                rubrics=rubrics.get(procedure.pk, []),
                language=languages[procedure.locale_id],
                url=urljoin(root, url),
                stable_url=root + reverse(STABLE_LINK, args=[procedure.pk]),
                request_url=request_url(root, procedure),
            )
        )
    return items


def procedure_rubrics(procedure_ids: list[int]) -> dict[int, list[Rubric]]:
    """The rubrics of each procedure, in their display order (one query)."""
    links = (
        ProcedurePage.rubrics.through.objects.filter(procedurepage_id__in=procedure_ids)
        .select_related("rubric")
        .order_by("rubric__sort_order", "rubric__name")
    )
    grouped: dict[int, list[Rubric]] = {}
    for link in links:
        grouped.setdefault(link.procedurepage_id, []).append(link.rubric)
    return grouped


def locale_languages() -> dict[int, str]:
    return dict(Locale.objects.values_list("pk", "language_code"))


def request_url(root: str, procedure: ProcedurePage) -> str | None:
    """Where the citizen makes the request on the portal `root`, for an online procedure."""
    return root + reverse(REQUEST_START, args=[procedure.pk]) if procedure.online else None


def procedure_get(*, page_id: int) -> ProcedurePage | None:
    """A live procedure with its owning collectivity, its site and intercommunality."""
    return (
        ProcedurePage.objects.live()
        .filter(pk=page_id, collectivity__site__isnull=False)
        .select_related("collectivity__site", "collectivity__intercommunality", "locale")
        .first()
    )


def procedure_version(procedure: ProcedurePage) -> Version:
    """Version of a procedure's detail: the page and its owner are read, plus its rubrics."""
    rubrics = tuple(procedure.rubrics.order_by("pk").values_list("pk", "slug", "name"))
    latest = procedure.last_published_at
    return Version(
        key=(collectivity_key(procedure.collectivity), procedure.pk, latest, rubrics),
        last_modified=latest,
    )


def procedure_item(procedure: ProcedurePage) -> ProcedureItem:
    """A procedure on the portal of the collectivity that owns it."""
    owner = procedure.collectivity
    root = owner.site.root_url
    return ProcedureItem(
        procedure=procedure,
        owner=owner,
        intercommunal=False,
        rubrics=procedure_rubrics([procedure.pk]).get(procedure.pk, []),
        language=procedure.locale.language_code,
        url=urljoin(root, procedure.get_url()),
        stable_url=root + reverse(STABLE_LINK, args=[procedure.pk]),
        request_url=request_url(root, procedure),
    )


def procedure_offered(*, collectivity: Collectivity, page_id: int) -> ProcedurePage | None:
    """A live procedure offered on the collectivity's portal: its own or its
    intercommunality's."""
    return (
        ProcedurePage.objects.live()
        .filter(pk=page_id, collectivity_id__in=owner_ids(collectivity))
        .select_related("locale")
        .first()
    )


def procedure_url_on_portal(
    *, collectivity: Collectivity, procedure: ProcedurePage, request
) -> str | None:
    """The current address of a procedure offered on the collectivity's portal (an
    intercommunality's procedure opens under the commune's catalogue)."""
    if procedure.collectivity_id == collectivity.pk:
        return procedure.get_url(request)
    catalogue = catalogue_for(
        collectivity_id=collectivity.pk, language=procedure.locale.language_code
    )
    return catalogue.intercommunal_url(procedure, request) if catalogue else None


def catalogue_rubric_links(catalogue: CataloguePage, root: str) -> list[tuple[Rubric, str]]:
    """The catalogue's rubrics, each with the address of the catalogue filtered by it."""
    url = urljoin(root, catalogue.get_url())
    return [
        (rubric, url + CatalogueFilters().toggled(rubric.slug))
        for rubric in catalogue_facets(catalogue).rubrics
    ]


# --- FAQ


def faq_version(*, collectivity: Collectivity) -> Version:
    pages = FaqPage.objects.live().filter(collectivity=collectivity)
    found = pages.aggregate(count=Count("pk"), latest=Max("last_published_at"))
    return Version(
        key=(collectivity_key(collectivity), found["count"], found["latest"]),
        last_modified=found["latest"],
    )


def faq_entries(*, collectivity: Collectivity, language: str) -> list[FaqEntry]:
    """The questions of the collectivity's FAQ page in `language` (or the default one)."""
    pages = FaqPage.objects.live().filter(collectivity=collectivity)
    page = in_language_or_default(pages, language).order_by("path").first()
    if page is None:
        return []
    url = urljoin(collectivity.site.root_url, page.get_url())
    return [
        FaqEntry(
            section=section.block["title"],
            question=question["question"],
            answer_html=expand_db_html(question["answer"].source),
            url=f"{url}#{section.anchor}",
        )
        for section in page.sections
        for question in section.block["questions"]
    ]
