"""Uploaded files: private storage, checks from the content, limits, names, downloads."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from citizen_space.models import Submission, Upload
from citizen_space.services.uploads import upload_display_name

from .conftest import english_client, exe_bytes, pdf_bytes, pdf_file
from .helpers import fill_draft, post_step, start, step_url

pytestmark = pytest.mark.django_db

STEP_1 = {"last_name": "Martin", "contact_email": "camille@example.org"}


@pytest.fixture
def draft_at_step_2(procedure, citizen, citizen_client):
    start(citizen_client, procedure)
    draft = Submission.objects.get(user=citizen)
    post_step(citizen_client, draft, 1, STEP_1)
    return draft


def field_errors(html: str) -> str:
    return html.split('id="step-form"', 1)[1]


def test_an_executable_renamed_pdf_is_refused_and_other_answers_kept(
    draft_at_step_2, citizen_client
):
    fake = SimpleUploadedFile("facture.pdf", exe_bytes(), content_type="application/pdf")
    response = post_step(
        citizen_client, draft_at_step_2, 2, {"proof": fake, "details": "Mes précisions"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "“facture.pdf” is not an accepted kind of file. Accepted: PDF document." in html
    assert "Mes précisions</textarea>" in html
    assert not Upload.objects.exists()
    draft_at_step_2.refresh_from_db()
    assert draft_at_step_2.steps_done == 1


def test_an_oversized_file_is_refused(draft_at_step_2, citizen_client):
    big = pdf_file("gros.pdf", padding=1024 * 1024)
    response = post_step(citizen_client, draft_at_step_2, 2, {"proof": big, "details": "x"})
    assert "“gros.pdf” is too large" in response.content.decode()
    assert not Upload.objects.exists()


def test_the_total_of_a_request_is_limited(settings, commune, make_procedure, citizen_client):
    settings.REQUEST_MAX_TOTAL_UPLOAD_MB = 1
    two_files = [
        {"type": "file", "value": {"label": f"Pièce {n}", "name": f"piece_{n}", "kinds": ["pdf"]}}
        for n in (1, 2)
    ]
    procedure = make_procedure(commune, "Deux pièces", form=two_files)
    start(citizen_client, procedure)
    draft = Submission.objects.get(procedure=procedure)
    response = post_step(
        citizen_client,
        draft,
        1,
        {"piece_1": pdf_file("a.pdf", 700 * 1024), "piece_2": pdf_file("b.pdf", 700 * 1024)},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "“b.pdf” cannot be added: the files of one request may weigh 1.0\xa0MB in all" in html
    # The first file is kept with the draft and listed, the refused one is not stored.
    assert list(Upload.objects.values_list("original_name", flat=True)) == ["a.pdf"]
    assert "a.pdf" in field_errors(html)


def test_files_accepted_in_a_step_with_errors_are_kept(draft_at_step_2, citizen_client):
    response = post_step(
        citizen_client, draft_at_step_2, 2, {"proof": pdf_file("bail.pdf"), "details": ""}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "This field is required." in html
    upload = Upload.objects.get()
    assert upload.original_name == "bail.pdf" and upload.field_name == "proof"
    assert "bail.pdf" in field_errors(html)  # listed as already sent

    # Sent again without the file: the stored one answers the question.
    response = post_step(citizen_client, draft_at_step_2, 2, {"details": "Voilà"})
    assert response.status_code == 302
    draft_at_step_2.refresh_from_db()
    assert draft_at_step_2.answers["proof"] == [upload.as_answer()]


def test_a_new_file_replaces_the_former_one_and_its_stored_copy(
    draft_at_step_2, citizen_client, private_media, django_capture_on_commit_callbacks
):
    post_step(citizen_client, draft_at_step_2, 2, {"proof": pdf_file("v1.pdf"), "details": "x"})
    first = Upload.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        post_step(citizen_client, draft_at_step_2, 2, {"proof": pdf_file("v2.pdf"), "details": "x"})
    second = Upload.objects.get()
    assert second.original_name == "v2.pdf"
    assert not (private_media / first.file.name).exists()
    assert (private_media / second.file.name).exists()
    draft_at_step_2.refresh_from_db()
    assert draft_at_step_2.answers["proof"] == [second.as_answer()]


def test_the_upload_field_uses_the_private_storage_of_the_settings(settings):
    storage = Upload._meta.get_field("file")._storage_callable()
    assert storage.location == str(settings.PRIVATE_MEDIA_ROOT)
    assert not str(settings.PRIVATE_MEDIA_ROOT).startswith(str(settings.MEDIA_ROOT))


def test_files_are_stored_privately_under_generated_names(
    draft_at_step_2, citizen_client, private_media, settings
):
    post_step(citizen_client, draft_at_step_2, 2, {"proof": pdf_file("bail.pdf"), "details": "x"})
    upload = Upload.objects.get()
    stored = private_media / upload.file.name
    assert stored.read_bytes() == pdf_bytes()
    assert "bail" not in upload.file.name and not upload.file.name.endswith(".pdf")
    assert upload.content_type == "application/pdf"
    # No URL maps the private folder, nor the file's name under MEDIA_URL.
    for url in (
        f"{settings.MEDIA_URL}{upload.file.name}",
        f"/private/{upload.file.name}",
        f"/{upload.file.name}",
    ):
        response = citizen_client.get(url, follow=True)
        assert response.status_code == 404
        assert pdf_bytes() not in response.content


def test_a_path_in_the_file_name_is_never_used(draft_at_step_2, citizen_client):
    boundary = "BoUnDaRy"
    body = (
        (
            f"--{boundary}\r\n"
            'Content-Disposition: form-data; name="details"\r\n\r\nx\r\n'
            f"--{boundary}\r\n"
            'Content-Disposition: form-data; name="proof"; filename="../../etc/passwd"\r\n'
            "Content-Type: application/pdf\r\n\r\n"
        ).encode()
        + pdf_bytes()
        + f"\r\n--{boundary}--\r\n".encode()
    )
    response = citizen_client.generic(
        "POST",
        step_url(draft_at_step_2, 2),
        body,
        content_type=f"multipart/form-data; boundary={boundary}",
    )
    assert response.status_code == 302
    upload = Upload.objects.get()
    assert upload.original_name == "passwd"
    assert ".." not in upload.file.name and "passwd" not in upload.file.name


@pytest.mark.parametrize(
    ("given", "shown"),
    [
        ("../../etc/passwd", "passwd"),
        ("..\\..\\windows\\system.ini", "system.ini"),
        (".htaccess", "htaccess"),
        ("re\x00çu\n.pdf", "reçu.pdf"),
        ("", "file"),
        ("a" * 300 + ".pdf", "a" * 116 + ".pdf"),
    ],
)
def test_display_names_are_sanitised(given, shown):
    assert upload_display_name(given) == shown


def test_download_is_an_attachment_for_the_owner_only(procedure, citizen_client, make_citizen):
    draft = fill_draft(citizen_client, procedure)
    upload = Upload.objects.get(submission=draft)
    url = reverse("citizen_space:upload_download", args=[upload.pk])

    response = citizen_client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == pdf_bytes()
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="justificatif.pdf"'
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in response["Content-Security-Policy"]

    assert english_client(make_citizen("autre@example.org")).get(url).status_code == 404
    anonymous = english_client().get(url)
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/comptes/login/")
    unknown = reverse(
        "citizen_space:upload_download", args=["00000000-0000-0000-0000-000000000000"]
    )
    assert citizen_client.get(unknown).status_code == 404


def test_a_name_with_quotes_gives_a_safe_content_disposition(draft_at_step_2, citizen_client):
    tricky = pdf_file('fa"cture é.pdf')
    post_step(citizen_client, draft_at_step_2, 2, {"proof": tricky, "details": "x"})
    upload = Upload.objects.get()
    response = citizen_client.get(reverse("citizen_space:upload_download", args=[upload.pk]))
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''fa%22cture%20%C3%A9.pdf"
    )
