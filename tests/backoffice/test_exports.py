"""Exports of a procedure's requests: one column per question, old and new versions of the form
lined up, CSV and XLSX, formulas defused, the agent's collectivity only, each export logged."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from citizen_space.backoffice.models import Consultation
from tests.citizen_space.conftest import form_stream, question

from .conftest import client_for

pytestmark = pytest.mark.django_db

V1 = [
    question("short_text", "last_name", "Nom", prefill="last_name"),
    question("long_text", "details", "Précisions"),
]
# Version 2: "details" renamed, a question added between, "last_name" kept.
V2 = [
    question("short_text", "last_name", "Nom de famille", prefill="last_name"),
    question("short_text", "phone", "Téléphone"),
    question("long_text", "details", "Votre demande"),
]


@pytest.fixture
def exported(commune_a, commune_b, make_procedure, make_request, make_agent, make_user):
    procedure = make_procedure(commune_a, "Permis de végétaliser", form=V1)
    first = make_request(procedure, answers={"last_name": "Martin", "details": "Un bac."})
    procedure.form = form_stream(V2)
    second = make_request(
        procedure,
        user=make_user("dominique@example.org"),
        answers={"last_name": '=HYPERLINK("http://x")', "phone": "0612", "details": "Deux."},
    )
    return {
        "procedure": procedure,
        "requests": [first, second],
        "agent": make_agent(commune_a),
        "other": make_agent(commune_b),
    }


def export(client, procedure, file_format):
    url = reverse("backoffice:export")
    return client.get(url, {"procedure": procedure.pk, "format": file_format})


def test_csv_lines_up_the_versions_of_the_form(exported):
    first, second = exported["requests"]
    response = export(client_for(exported["agent"]), exported["procedure"], "csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        'attachment; filename="demandes-permis-de-vegetaliser-'
    )
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    header, *rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    # Labels of the newest version; "phone" where it first appeared.
    assert header[6:] == ["Nom de famille", "Votre demande", "Téléphone"]
    assert header[:6] == [
        "Reference",
        "Sent on",
        "Status",
        "Collectivity",
        "Applicant",
        "Assigned to",
    ]
    assert [row[0] for row in rows] == [first.reference, second.reference]
    assert rows[0][6:] == ["Martin", "Un bac.", ""]
    # A formula is given as text.
    assert rows[1][6:] == ['\'=HYPERLINK("http://x")', "Deux.", "0612"]
    assert rows[1][4] == '\'=HYPERLINK("http://x")'


def test_xlsx_has_the_same_table(exported):
    response = export(client_for(exported["agent"]), exported["procedure"], "xlsx")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]
    assert sheet.title == "Permis de végétaliser"
    assert rows[0][6:] == ["Nom de famille", "Votre demande", "Téléphone"]
    assert rows[2][6] == '\'=HYPERLINK("http://x")'  # text, not a formula
    assert len(rows) == 3


def test_each_exported_request_is_logged(exported):
    export(client_for(exported["agent"]), exported["procedure"], "csv")
    assert sorted(
        Consultation.objects.filter(kind="export").values_list("submission", flat=True)
    ) == sorted(r.pk for r in exported["requests"])


def test_the_export_is_limited_to_the_agent_s_collectivity(exported):
    other = client_for(exported["other"])
    assert export(other, exported["procedure"], "csv").status_code == 404
    assert export(client_for(exported["agent"]), exported["procedure"], "pdf").status_code == 404
    assert not Consultation.objects.exists()


def test_the_inbox_offers_the_export_of_the_filtered_procedure(exported):
    client = client_for(exported["agent"])
    procedure = exported["procedure"]
    html = client.get(reverse("backoffice:index_results"), {"procedure": procedure.pk})
    expected = f"{reverse('backoffice:export')}?procedure={procedure.pk}&amp;format=xlsx"
    assert expected in html.content.decode()
    assert "format=xlsx" not in client.get(reverse("backoffice:index_results")).content.decode()
