"""The public open-data CSV: aggregate counts of every collectivity on the portal's host, of
one on its own host or with ?collectivite=; no personal data; cache-friendly."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from citizen_space.models import Submission
from citizen_space.workflow import Status

from .conftest import paris, sent_request

pytestmark = pytest.mark.django_db

URL = "/donnees-ouvertes/demandes.csv"
PORTAL = "portal.localhost:8000"
HEADER = [
    "code_officiel",
    "collectivite",
    "demarche",
    "mois",
    "statut_final",
    "nombre_demandes",
    "delai_median_traitement_jours",
]
SENTINEL = "Zéphyrine-SENTINELLE"


def rows_of(response) -> list[list[str]]:
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf")  # UTF-8 with its byte order mark
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig"))))


@pytest.fixture
def requests(town, other_town, make_page, make_requests, make_user):
    citizen = make_user(f"{SENTINEL.lower()}@example.org", first_name=SENTINEL)
    permit = make_page("Permis de construire")
    personal = {"applicant_name": SENTINEL, "answers": {"last_name": SENTINEL}, "user": citizen}
    return make_requests(
        sent_request(
            town,
            procedure=permit,
            submitted_at=paris(2025, 1, 31, 23, 30),
            status=Status.ACCEPTED,
            days=2,
            **personal,
        ),
        sent_request(
            town,
            procedure=permit,
            submitted_at=paris(2025, 1, 3, 9),
            status=Status.ACCEPTED,
            days=3.5,
            **personal,
        ),
        sent_request(town, procedure=permit, submitted_at=paris(2025, 1, 4, 9), **personal),
        sent_request(
            town,
            procedure=permit,
            submitted_at=paris(2025, 2, 1, 0, 30),
            status=Status.REJECTED,
            days=10,
            **personal,
        ),
        sent_request(
            other_town,
            title="Inscription scolaire",
            submitted_at=paris(2025, 5, 5, 5),
            status=Status.CLOSED,
            days=1,
            **personal,
        ),
    )


def test_all_collectivities_on_the_portal_host(client, requests, make_user):
    draft = Submission.objects.create(  # never sent: not a request
        user=make_user("draft@example.org"),
        collectivity=requests[0].collectivity,
        procedure_title="Brouillon",
        form_snapshot={"steps": []},
    )
    assert draft.status == Status.DRAFT

    response = client.get(URL, HTTP_HOST=PORTAL)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert rows_of(response) == [
        HEADER,
        ["42168", "Pélussin", "Inscription scolaire", "2025-05", "clôturée", "1", "1.0"],
        ["42259", "Saint-Joseph", "Permis de construire", "2025-01", "acceptée", "2", "2.8"],
        ["42259", "Saint-Joseph", "Permis de construire", "2025-01", "en cours", "1", ""],
        ["42259", "Saint-Joseph", "Permis de construire", "2025-02", "refusée", "1", "10.0"],
    ]


def test_no_personal_data_in_the_csv(client, requests):
    body = b"".join(client.get(URL, HTTP_HOST=PORTAL).streaming_content).decode()
    assert SENTINEL not in body
    assert SENTINEL.lower() not in body.lower()
    assert all(r.reference not in body for r in requests)
    assert get_user_model().objects.filter(first_name=SENTINEL).exists()


def test_one_collectivity_on_its_own_host_or_by_its_slug(client, requests, town):
    town.site = Site.objects.create(
        hostname="saint-joseph.portal.localhost", port=8000, root_page=Page.get_first_root_node()
    )
    town.save()
    on_its_host = rows_of(client.get(URL, HTTP_HOST="saint-joseph.portal.localhost:8000"))
    by_slug = rows_of(client.get(URL, {"collectivite": "pelussin"}, HTTP_HOST=PORTAL))

    assert {row[1] for row in on_its_host[1:]} == {"Saint-Joseph"}
    assert len(on_its_host) == 4
    assert [row[1] for row in by_slug[1:]] == ["Pélussin"]
    assert client.get(URL, {"collectivite": "nowhere"}, HTTP_HOST=PORTAL).status_code == 404


def test_cache_friendly_with_an_etag_that_changes_with_the_requests(
    client, requests, town, make_requests
):
    first = client.get(URL, HTTP_HOST=PORTAL)
    assert "public" in first["Cache-Control"] and "max-age=3600" in first["Cache-Control"]
    assert "etalab.gouv.fr/licence-ouverte" in first["Link"]
    etag = first["ETag"]

    again = client.get(URL, HTTP_HOST=PORTAL, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304
    assert again["ETag"] == etag

    make_requests(sent_request(town, submitted_at=paris(2025, 6, 1, 12)))
    changed = client.get(URL, HTTP_HOST=PORTAL, HTTP_IF_NONE_MATCH=etag)
    assert changed.status_code == 200
    assert changed["ETag"] != etag


def test_only_read_methods(client, requests):
    assert client.post(URL, HTTP_HOST=PORTAL).status_code == 405
    assert client.head(URL, HTTP_HOST=PORTAL).status_code == 200


def test_the_footer_links_to_the_open_data_with_its_licence(client):
    html = client.get("/comptes/login/", HTTP_HOST=PORTAL).text
    assert f'href="{URL}"' in html
    assert "Licence Ouverte / Etalab 2.0" in html


def test_each_address_is_held_to_the_public_api_rate(client, settings):
    settings.PUBLIC_API_RATE = "2/m"
    assert [client.get(URL, HTTP_HOST=PORTAL).status_code for _ in range(3)] == [200, 200, 429]
