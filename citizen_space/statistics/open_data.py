"""The public open-data CSV of the requests' aggregate counts (no personal data).

On the portal's directory host it covers every collectivity, on a collectivity's host that
collectivity only; `?collectivite=<slug>` names one anywhere. The columns are a data schema,
not interface text: French names in snake_case, the same whatever the reader's language.
UTF-8 with a byte order mark (spreadsheets then read the accents right; data.gouv.fr's and
pandas' readers skip it), comma-separated, months as YYYY-MM, decimals with a dot. Clients
get an ETag and may keep the file an hour; each address is held to the public API's rate.
"""

import csv
import hashlib
from collections.abc import Iterable, Iterator

from django.http import Http404, StreamingHttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.views.decorators.http import require_safe

from commune_sites.models import Collectivity
from commune_sites.selectors import collectivity_for_request
from pages.api.throttling import rate_limited

from . import selectors
from .formatting import duration_days

LICENCE_URL = "https://www.etalab.gouv.fr/licence-ouverte-open-licence/"
COLLECTIVITY_PARAM = "collectivite"
MAX_AGE = 3600
HEADER = (
    "code_officiel",
    "collectivite",
    "demarche",
    "mois",
    "statut_final",
    "nombre_demandes",
    "delai_median_traitement_jours",
)
STATUS_VALUES = {
    "accepted": "acceptée",
    "rejected": "refusée",
    "closed": "clôturée",
    selectors.OPEN: "en cours",
}


class _Line:
    """A file-like object whose `write` returns what it was given (for csv.writer)."""

    def write(self, value: str) -> str:
        return value


def csv_lines(rows: Iterable[selectors.OpenDataRow]) -> Iterator[str]:
    writer = csv.writer(_Line(), lineterminator="\r\n")
    yield "\ufeff" + writer.writerow(HEADER)
    for row in rows:
        median = row.median_processing_time
        yield writer.writerow(
            (
                row.code,
                row.collectivity,
                row.procedure,
                row.month.strftime("%Y-%m"),
                STATUS_VALUES[row.final_status],
                row.count,
                "" if median is None else f"{duration_days(median):.1f}",
            )
        )


def _collectivity(request) -> Collectivity | None:
    """The collectivity named in the query string, else the one whose portal this is."""
    slug = request.GET.get(COLLECTIVITY_PARAM)
    if slug is None:
        return collectivity_for_request(request)
    collectivity = Collectivity.objects.filter(slug=slug).first()
    if collectivity is None:
        raise Http404
    return collectivity


@require_safe
@rate_limited  # as the public API: a CSV of a large portal costs seconds to write
def requests_csv(request):
    collectivity = _collectivity(request)
    version = selectors.open_data_version(collectivity=collectivity)
    etag = f'"{hashlib.sha256(version.encode()).hexdigest()[:32]}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        rows = selectors.open_data_rows(collectivity=collectivity)
        name = f"demandes-{collectivity.slug}.csv" if collectivity else "demandes.csv"
        response = StreamingHttpResponse(csv_lines(rows), content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'inline; filename="{name}"'
        response["Link"] = f'<{LICENCE_URL}>; rel="license"'
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=MAX_AGE)
    return response
