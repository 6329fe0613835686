"""Caching, conditional requests, CORS and rate limiting of the public API."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

pytestmark = pytest.mark.django_db


def procedures_url(collectivity) -> str:
    return f"/api/v1/collectivities/{collectivity.slug}/procedures"


def test_answers_carry_validators_and_may_be_cached(on, commune, passport):
    response = on().get(procedures_url(commune))
    assert response["ETag"].startswith('"') and len(response["ETag"]) == 34
    assert response["Last-Modified"]
    assert response["Cache-Control"] == "public, max-age=300"
    assert "Set-Cookie" not in response
    assert response.cookies == {}


def test_any_origin_may_read_answers(on, commune):
    response = on().get(procedures_url(commune), HTTP_ORIGIN="https://www.mairie.example")
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "ETag" in response["Access-Control-Expose-Headers"]
    assert "Access-Control-Allow-Credentials" not in response


def test_a_preflight_allows_conditional_gets(on, commune):
    response = on().options(
        procedures_url(commune),
        HTTP_ORIGIN="https://www.mairie.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="if-none-match",
    )
    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "If-None-Match" in response["Access-Control-Allow-Headers"]


def test_a_current_copy_gets_304_without_reading_the_procedures(on, commune, passport):
    first = on().get(procedures_url(commune))
    with CaptureQueriesContext(connection) as queries:
        again = on().get(procedures_url(commune), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    assert again["Access-Control-Allow-Origin"] == "*"
    # The collectivity, the pages' count and latest publication, the rubrics' rows.
    assert len(queries) == 3
    assert not any('"summary"' in query["sql"] for query in queries)


def test_if_modified_since_gets_304(on, commune, passport):
    first = on().get(procedures_url(commune))
    again = on().get(procedures_url(commune), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304


def test_the_etag_changes_with_the_query(on, commune, passport):
    first = on().get(procedures_url(commune))
    other = on().get(procedures_url(commune), {"q": "passeport"}, HTTP_IF_NONE_MATCH=first["ETag"])
    assert other.status_code == 200
    assert other["ETag"] != first["ETag"]


def test_publishing_a_change_changes_the_etag(on, commune, passport):
    first = on().get(procedures_url(commune))
    passport.title = "Passeport biométrique"
    passport.save_revision().publish()
    again = on().get(procedures_url(commune), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again.json()["results"][0]["title"] == "Passeport biométrique"


def test_unpublishing_changes_the_etag(on, commune, passport, make_procedure):
    make_procedure(commune, "Recensement citoyen")
    first = on().get(procedures_url(commune))
    passport.unpublish()
    again = on().get(procedures_url(commune), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again.json()["count"] == 1


def test_renaming_a_rubric_changes_the_etag(on, commune, passport):
    first = on().get(procedures_url(commune))
    rubric = commune.rubrics.get(slug="etat-civil")
    rubric.name = "État civil et identité"
    rubric.save()
    again = on().get(procedures_url(commune), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again.json()["results"][0]["rubrics"][0]["name"] == "État civil et identité"


def test_renaming_the_intercommunality_changes_the_etag(on, commune, compost, intercommunality):
    first = on().get(procedures_url(commune))
    intercommunality.name = "Pilat Agglomération"
    intercommunality.save()
    again = on().get(procedures_url(commune), HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 200
    assert again.json()["results"][0]["collectivity"]["name"] == "Pilat Agglomération"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/collectivities",
        "/api/v1/collectivities/saint-martin-la-plaine",
        "/api/v1/collectivities/saint-martin-la-plaine/rubrics",
        "/api/v1/collectivities/saint-martin-la-plaine/faq",
    ],
)
def test_every_endpoint_answers_conditional_gets(on, commune, path):
    first = on().get(path)
    assert first.status_code == 200
    assert on().get(path, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304


def test_a_changed_collectivity_changes_the_directory_etag(on, commune):
    first = on().get("/api/v1/collectivities")
    commune.phone = "04 77 11 11 11"
    commune.save()
    assert on().get("/api/v1/collectivities", HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 200


def test_clients_over_the_rate_get_429(on, commune, settings):
    settings.PUBLIC_API_RATE = "3/m"
    statuses = [on().get("/api/v1/collectivities").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = on().get("/api/v1/collectivities")
    assert refused.json() == {"detail": refused.json()["detail"]}
    assert 1 <= int(refused["Retry-After"]) <= 60
    assert refused["Access-Control-Allow-Origin"] == "*"


def test_the_rate_is_counted_per_client_address(client, commune, settings):
    settings.PUBLIC_API_RATE = "1/m"
    host = "portal.localhost:8000"
    first = client.get("/api/v1/collectivities", HTTP_HOST=host, REMOTE_ADDR="192.0.2.1")
    other = client.get("/api/v1/collectivities", HTTP_HOST=host, REMOTE_ADDR="192.0.2.2")
    again = client.get("/api/v1/collectivities", HTTP_HOST=host, REMOTE_ADDR="192.0.2.1")
    assert (first.status_code, other.status_code, again.status_code) == (200, 200, 429)


def test_the_schema_and_its_documentation_are_served(on):
    schema = on().get("/api/v1/openapi.json").json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/collectivities/{slug}/procedures" in schema["paths"]
    docs = on().get("/api/v1/docs")
    assert docs.status_code == 200
    assert b"/api/v1/openapi.json" in docs.content


def test_the_listing_issues_as_many_queries_whatever_the_number_of_procedures(
    on, commune, compost, make_procedure
):
    def count_queries() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert on().get(procedures_url(commune)).status_code == 200
        return len(queries)

    make_procedure(commune, "Recensement citoyen", rubrics=["citoyennete"])
    count_queries()  # fills Wagtail's cache of the sites' root paths, and the host's portal
    few = count_queries()
    for number in range(8):
        make_procedure(commune, f"Démarche {number}", rubrics=["etat-civil", "urbanisme"])
    assert count_queries() == few == 7
