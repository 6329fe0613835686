"""Reads on collectivities shared by views, admin and API: per request, per user, search."""

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.http.request import split_domain_port
from wagtail.models import Site
from wagtail.models.sites import get_site_for_hostname

from .cache import Namespace
from .models import Collectivity
from .normalize import ABBREVIATIONS, fold_words
from .retention import CHANGE_RETENTION

_REQUEST_ATTR = "_commune_sites_collectivity"
_MIN_POSTAL_PREFIX = 2


# Each host's Site and collectivity; `commune_sites.receivers` clears it when a Site, a
# collectivity or an image (logos) changes.
portals = Namespace("commune_sites:portals", timeout=60 * 60)


def portal_for_host(hostname: str, port: int) -> tuple[Site | None, Collectivity | None]:
    """The Site serving this host (as Wagtail finds it) and its collectivity, if any.

    Cached. Read in one query when one Site has this host name, which Wagtail serves on any
    port; else Wagtail's lookup (host and port, default site) and one query more.
    """

    def find():
        named = list(
            Site.objects.filter(hostname=hostname).select_related(
                "root_page", "collectivity__logo", "collectivity__intercommunality"
            )[:2]
        )
        if len(named) == 1:
            return named[0], getattr(named[0], "collectivity", None)
        try:
            site = get_site_for_hostname(hostname, port)
        except Site.DoesNotExist:
            return None, None
        collectivities = Collectivity.objects.select_related("site", "logo", "intercommunality")
        return site, collectivities.filter(site=site).first()

    return portals.cached(hostname, port, compute=find)


def portal_for_request(request) -> tuple[Site | None, Collectivity | None]:
    """`portal_for_host` of the request's host. Also hands the Site to Wagtail
    (`Site.find_for_request` keeps it in `request._wagtail_site`), which then does not look
    it up again to serve a page."""
    try:
        return request._wagtail_site, getattr(request, _REQUEST_ATTR)
    except AttributeError:
        pass
    hostname, _port = split_domain_port(request.get_host())
    site, collectivity = portal_for_host(hostname, int(request.get_port()))
    request._wagtail_site = site
    setattr(request, _REQUEST_ATTR, collectivity)
    return site, collectivity


def collectivity_for_request(request) -> Collectivity | None:
    """The collectivity whose Site serves this request (None on the portal directory)."""
    return portal_for_request(request)[1]


def collectivities_edited_by(user) -> QuerySet[Collectivity]:
    """Collectivities whose pages, rubrics and images the user edits (superuser: all)."""
    return _collectivities_of_group(user, "editors_group__user")


def collectivities_served_by(user) -> QuerySet[Collectivity]:
    """Collectivities whose requests the user processes as an agent (superuser: all)."""
    return _collectivities_of_group(user, "agents_group__user")


def collectivities_staffed_by(user) -> QuerySet[Collectivity]:
    """Collectivities whose agents or editors group the user belongs to (superuser: all)."""
    return Collectivity.objects.filter(
        Q(pk__in=collectivities_served_by(user).values("pk"))
        | Q(pk__in=collectivities_edited_by(user).values("pk"))
    )


def collectivities_retention_managed_by(user) -> QuerySet[Collectivity]:
    """Collectivities whose retention period the user sets: those they staff, if they hold
    `change_retention` (superuser: all)."""
    if not user.has_perm(CHANGE_RETENTION):
        return Collectivity.objects.none()
    return collectivities_staffed_by(user)


def _collectivities_of_group(user, lookup: str) -> QuerySet[Collectivity]:
    if not (user.is_authenticated and user.is_active):
        return Collectivity.objects.none()
    if user.is_superuser:
        return Collectivity.objects.all()
    return Collectivity.objects.filter(**{lookup: user})


def collectivity_search(query: str, *, limit: int = 20) -> list[Collectivity]:
    """Collectivities on the portal matching a name or postal code, as citizens type them.

    Case, accents and hyphens do not matter, "St"/"Ste" stand for "Saint"/"Sainte", each
    word may be the start of a word of the name ("sain eti" finds Saint-Étienne) and a number
    of 2 to 5 digits is the start of one of the postal codes. Exact names come first, then
    names starting with the query, then the others, each by name.
    """
    words = fold_words(query)
    name_words = [w for w in words if not w.isdigit()]
    postal_words = [w for w in words if w.isdigit()]
    if not words or any(len(w) < _MIN_POSTAL_PREFIX for w in postal_words):
        return []

    filters = Q(site__isnull=False)
    for word in name_words:
        filters &= _name_word_filter(word)
    for digits in postal_words:
        filters &= Q(postal_codes__regex=rf"(^|[^0-9]){digits}")

    typed_name = " ".join(ABBREVIATIONS.get(w, w) for w in name_words)
    ranks = [When(postal_codes__regex=rf"(^|[^0-9]){d}([^0-9]|$)", then=1) for d in postal_words]
    if typed_name:
        ranks = [
            When(search_name=typed_name, then=0),
            When(search_name__startswith=typed_name, then=1),
            *ranks,
        ]
    results = (
        Collectivity.objects.filter(filters)
        .select_related("site")
        .annotate(search_rank=Case(*ranks, default=Value(2), output_field=IntegerField()))
        .order_by("search_rank", "name")
    )
    return list(results[:limit])


def _name_word_filter(word: str) -> Q:
    """A word of the name starts with `word` ("st" also matches the spelled-out "saint")."""
    prefixes = {ABBREVIATIONS.get(word, word), word}
    query = Q(pk__in=[])
    for prefix in prefixes:
        query |= Q(search_name__startswith=prefix) | Q(search_name__contains=f" {prefix}")
    return query
