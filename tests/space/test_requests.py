"""\"My requests\" across communes, a request's page, and what another citizen cannot reach."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from citizen_space.models import Upload
from citizen_space.services.conversation import message_post
from tests.citizen_space.conftest import pdf_bytes

pytestmark = pytest.mark.django_db

HOME = "/mon-espace/"


def test_my_requests_lists_every_collectivity_and_filters(
    procedure, other_commune, make_procedure, citizen_client, send_request
):
    here = send_request(citizen_client, procedure)
    there = send_request(citizen_client, make_procedure(other_commune, "Carte de stationnement"))

    html = citizen_client.get(HOME).content.decode()
    for request in (here, there):
        row = html.split(f'id="request-{request.pk}"', 1)[1].split("</tr>", 1)[0]
        assert request.reference in row and request.collectivity.name in row
        assert request.procedure_title in row and "Submitted" in row
        assert reverse("citizen_space:request_detail", args=[request.pk]) in row

    filtered = citizen_client.get(HOME, {"collectivity": other_commune.pk}).content.decode()
    assert f'id="request-{there.pk}"' in filtered
    assert f'id="request-{here.pk}"' not in filtered
    nothing = citizen_client.get(HOME, {"status": "accepted"}).content.decode()
    assert "No request matches these filters." in nothing
    assert 'id="request-' not in nothing


def test_a_request_page_shows_status_timeline_receipt_and_answers(
    sent_request, citizen_client, agent_message
):
    html = citizen_client.get(
        reverse("citizen_space:request_detail", args=[sent_request.pk])
    ).content.decode()
    assert sent_request.reference in html
    assert '<dd id="request-status">Submitted</dd>' in html
    assert reverse("citizen_space:submission_receipt", args=[sent_request.pk]) in html
    timeline = html.split('id="timeline"', 1)[1].split("</section>", 1)[0]
    assert timeline.index("Request sent") < timeline.index("The town hall sent you a message")
    assert "Votre dossier est complet." in html
    assert "Pour la crèche." in html and "justificatif.pdf" in html


def test_a_draft_has_no_request_page(procedure, citizen, citizen_client):
    from tests.citizen_space.helpers import start

    start(citizen_client, procedure)
    draft = citizen.submissions.get()
    url = reverse("citizen_space:request_detail", args=[draft.pk])
    assert citizen_client.get(url).status_code == 404


def test_the_citizen_writes_to_the_collectivity_with_an_attachment(
    sent_request, citizen, citizen_client
):
    url = reverse("citizen_space:message_send", args=[sent_request.pk])
    attachment = SimpleUploadedFile("facture.pdf", pdf_bytes(), content_type="application/pdf")

    response = citizen_client.post(url, {"body": "Voici la facture.", "files": attachment})

    assert response.status_code == 302
    message = sent_request.messages.get()
    assert (message.author, message.from_citizen, message.body) == (
        citizen,
        True,
        "Voici la facture.",
    )
    upload = message.uploads.get()
    assert (upload.submission, upload.original_name) == (sent_request, "facture.pdf")
    download = citizen_client.get(reverse("citizen_space:upload_download", args=[upload.pk]))
    assert b"".join(download.streaming_content) == pdf_bytes()


def test_attachments_follow_the_upload_rules(sent_request, citizen_client, settings):
    url = reverse("citizen_space:message_send", args=[sent_request.pk])
    fake = SimpleUploadedFile("photo.pdf", b"MZ" + b"\0" * 200, content_type="application/pdf")
    response = citizen_client.post(url, {"body": "Voici.", "files": fake})
    assert response.status_code == 400
    assert "“photo.pdf” is not an accepted kind of file." in response.content.decode()

    settings.REQUEST_MAX_TOTAL_UPLOAD_MB = 0
    big = SimpleUploadedFile("lourd.pdf", pdf_bytes(), content_type="application/pdf")
    response = citizen_client.post(url, {"body": "Voici.", "files": big})
    assert response.status_code == 400
    assert "“lourd.pdf” cannot be added" in response.content.decode()
    assert not sent_request.messages.exists()
    assert not Upload.objects.filter(message__isnull=False).exists()


def test_another_citizen_gets_404_on_everything_of_a_request(
    sent_request, open_action, agent_message, other_citizen
):
    upload = sent_request.uploads.get()
    attachment = message_post(
        submission=sent_request,
        author=sent_request.user,
        body="Pièce jointe",
        files=[SimpleUploadedFile("a.pdf", pdf_bytes(), content_type="application/pdf")],
        from_citizen=True,
    ).uploads.get()
    from tests.citizen_space.conftest import english_client

    intruder = english_client(other_citizen)
    urls = [
        reverse("citizen_space:request_detail", args=[sent_request.pk]),
        reverse("citizen_space:submission_receipt", args=[sent_request.pk]),
        reverse("citizen_space:submission_confirmation", args=[sent_request.pk]),
        reverse("citizen_space:upload_download", args=[upload.pk]),
        reverse("citizen_space:upload_download", args=[attachment.pk]),
        reverse("citizen_space:action_answer", args=[open_action.pk]),
    ]
    for url in urls:
        assert intruder.get(url).status_code == 404, url
    post_url = reverse("citizen_space:message_send", args=[sent_request.pk])
    assert intruder.post(post_url, {"body": "Intrusion"}).status_code == 404
    answer_url = reverse("citizen_space:action_answer", args=[open_action.pk])
    assert intruder.post(answer_url, {"text": "Intrusion"}).status_code == 404
    assert sent_request.messages.count() == 2
    open_action.refresh_from_db()
    assert open_action.is_open
    html = intruder.get(HOME).content.decode()
    assert sent_request.reference not in html and agent_message.body not in html
