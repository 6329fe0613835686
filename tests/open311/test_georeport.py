"""Open311 GeoReport v2: services, their definitions, filing a report, its status."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from citizen_space.models import Submission
from citizen_space.open311.models import Open311Client
from citizen_space.workflow import Status
from tests.forms_builder.builders import png_bytes

pytestmark = pytest.mark.django_db

PERSONAL = ("Camille", "habitant@example.org", "trou profond")


def test_the_services_are_the_incident_procedures_of_the_jurisdiction(
    on, commune, road_incident, make_procedure
):
    make_procedure(commune, "Demande de passeport")
    response = on(commune).get("/open311/v2/services.json")
    assert response.status_code == 200
    assert response.json() == [
        {
            "service_code": str(road_incident.pk),
            "service_name": "Signaler un incident sur la voirie",
            "description": "Nid-de-poule, éclairage en panne : signalez-le.",
            "metadata": True,
            "type": "batch",
            "keywords": "",
            "group": "Saint-Martin-la-Plaine",
        }
    ]


def test_the_jurisdiction_may_be_named_on_the_portal_domain(on, commune, road_incident):
    response = on().get("/open311/v2/services.json", {"jurisdiction_id": commune.slug})
    assert [s["service_code"] for s in response.json()] == [str(road_incident.pk)]
    missing = on().get("/open311/v2/services.json")
    assert missing.status_code == 400
    assert [error["code"] for error in missing.json()] == [400]
    unknown = on().get("/open311/v2/services.json", {"jurisdiction_id": "nowhere"})
    assert unknown.status_code == 404


def test_the_service_definition_comes_from_the_form(on, commune, road_incident):
    response = on(commune).get(f"/open311/v2/services/{road_incident.pk}.json")
    body = response.json()
    assert body["service_code"] == str(road_incident.pk)
    note, category = body["attributes"]
    assert note["variable"] is False
    assert note["description"] == "En cas de danger immédiat, appelez le 112."
    assert category == {
        "variable": True,
        "code": "category",
        "datatype": "singlevaluelist",
        "required": True,
        "datatype_description": "",
        "order": 2,
        "description": "Type d’incident",
        "values": [
            {"key": "pothole", "name": "Nid-de-poule"},
            {"key": "lighting", "name": "Éclairage public en panne"},
        ],
    }


def test_an_unknown_service_is_not_found(on, commune, road_incident, make_procedure):
    passport = make_procedure(commune, "Demande de passeport")
    for code in (str(passport.pk), "999999", "abc"):
        response = on(commune).get(f"/open311/v2/services/{code}.json")
        assert response.status_code == 404
        assert response.json()[0]["code"] == 404


def test_a_client_files_a_report_and_reads_its_status(on, commune, valid_report):
    photo = SimpleUploadedFile("trou.png", png_bytes(), content_type="image/png")
    response = on(commune).post("/open311/v2/requests.json", {**valid_report, "media": photo})
    assert response.status_code == 201, response.content
    (created,) = response.json()
    reference = created["service_request_id"]
    assert reference.startswith("SMP-")

    submission = Submission.objects.get(reference=reference)
    assert submission.status == Status.SUBMITTED
    assert submission.user == submission.open311.client.user  # the app's account
    assert not submission.user.is_active and not submission.user.has_usable_password()
    assert submission.collectivity == commune
    assert submission.answers["category"] == "pothole"
    assert submission.answers["description"] == "Un trou profond devant l’école."
    assert submission.answers["place"] == {
        "latitude": "45.5461",
        "longitude": "4.5994",
        "address": "Rue de la Mairie",
    }
    assert submission.answers["contact_email"] == "habitant@example.org"
    (upload,) = submission.uploads.all()
    assert submission.answers["photo"] == [upload.as_answer()]
    assert upload.content_type == "image/png"
    assert submission.open311.client.name == "Signalements Pilat"

    status = on(commune).get(f"/open311/v2/requests/{reference}.json")
    assert status.status_code == 200
    (body,) = status.json()
    assert body["service_request_id"] == reference
    assert body["status"] == "open"
    assert (body["lat"], body["long"]) == (45.5461, 4.5994)
    assert body["agency_responsible"] == "Saint-Martin-la-Plaine"
    assert not any(value in status.content.decode() for value in PERSONAL)
    assert "media_url" not in body and "description" not in body


def test_a_report_without_a_photo(on, commune, valid_report):
    response = on(commune).post("/open311/v2/requests.json", valid_report)
    assert response.status_code == 201
    submission = Submission.objects.get(reference=response.json()[0]["service_request_id"])
    assert "photo" not in submission.answers


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"attribute[category]": ""}, "attribute[category]"),
        ({"attribute[category]": "flood"}, "attribute[category]"),
        ({"description": ""}, "description"),
        ({"lat": "", "long": "", "address_string": ""}, "address_string"),
        ({"long": ""}, "long"),
        ({"lat": "95"}, "lat"),
        ({"lat": "nord"}, "lat"),
        ({"email": "pas-une-adresse"}, "email"),
        ({"media_url": "http://example.org/a.png"}, "media_url"),
    ],
)
def test_missing_or_bad_fields_get_georeport_errors(on, commune, valid_report, change, field):
    response = on(commune).post("/open311/v2/requests.json", {**valid_report, **change})
    assert response.status_code == 400
    (error,) = response.json()
    assert error["code"] == 400
    assert error["description"].startswith(f"{field}: ")
    assert len(error["description"]) > len(field) + 5
    assert not Submission.objects.exclude(status=Status.DRAFT).exists()


def test_a_missing_service_code(on, commune, valid_report):
    response = on(commune).post("/open311/v2/requests.json", {**valid_report, "service_code": ""})
    assert response.status_code == 400
    assert response.json()[0]["code"] == 400


def test_a_photo_that_is_not_an_image_is_refused(on, commune, valid_report):
    fake = SimpleUploadedFile("trou.png", b"%PDF-1.4 not an image", content_type="image/png")
    response = on(commune).post("/open311/v2/requests.json", {**valid_report, "media": fake})
    assert response.status_code == 400
    assert response.json()[0]["description"].startswith("media: ")


@pytest.mark.parametrize("key", ["", "o311_not-a-key", "something"])
def test_a_bad_key_is_refused(on, commune, valid_report, key):
    response = on(commune).post("/open311/v2/requests.json", {**valid_report, "api_key": key})
    assert response.status_code == 403
    (error,) = response.json()
    assert error["code"] == 403 and "api_key" in error["description"]
    assert not Submission.objects.exists()


def test_a_deactivated_key_is_refused(on, commune, valid_report):
    Open311Client.objects.update(active=False)
    assert on(commune).post("/open311/v2/requests.json", valid_report).status_code == 403


def test_a_key_is_valid_in_its_jurisdiction_only(on, commune, other_commune, valid_report):
    response = on(other_commune).post("/open311/v2/requests.json", valid_report)
    assert response.status_code == 403
    named = on().post(
        "/open311/v2/requests.json", {**valid_report, "jurisdiction_id": other_commune.slug}
    )
    assert named.status_code == 403
    on_portal_domain = on().post("/open311/v2/requests.json", valid_report)
    assert on_portal_domain.status_code == 201


def test_an_unknown_request_is_not_found(on, commune, valid_report, other_commune):
    reference = (
        on(commune).post("/open311/v2/requests.json", valid_report).json()[0]["service_request_id"]
    )
    assert on(commune).get("/open311/v2/requests/SMP-2000-000001.json").status_code == 404
    assert on(other_commune).get(f"/open311/v2/requests/{reference}.json").status_code == 404


def test_a_citizen_request_is_not_readable_through_open311(on, commune, road_incident):
    Submission.objects.create(
        collectivity=commune,
        procedure=road_incident,
        procedure_title=road_incident.title,
        form_snapshot={"version": 1, "steps": []},
    )
    assert on(commune).get("/open311/v2/requests/SMP-2026-000001.json").status_code == 404


def test_wrong_methods_get_georeport_errors(on, commune, road_incident):
    response = on(commune).post("/open311/v2/services.json")
    assert response.status_code == 405
    assert response.json()[0]["code"] == 405
    assert on(commune).get("/open311/v2/requests.json").status_code == 405


def test_open311_is_rate_limited(on, commune, road_incident, settings):
    settings.PUBLIC_API_RATE = "2/m"
    statuses = [on(commune).get("/open311/v2/services.json").status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    refused = on(commune).get("/open311/v2/services.json")
    assert refused.json()[0]["code"] == 429
    assert refused["Retry-After"]
