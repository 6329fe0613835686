"""A citizen makes a request in Chromium, on the demo's school registration of Voiron: three
steps, a question shown by JavaScript, files, the summary, the confirmation and the PDF receipt.
The form, its error state, the summary and the confirmation are checked with axe-core."""

import io
import re
import struct
import zlib

import pytest
from django.core.files.storage import FileSystemStorage
from playwright.sync_api import expect
from pypdf import PdfReader, PdfWriter

from citizen_space.models import Submission, Upload
from portal.demo.accounts import CITIZEN
from tests.browser.fixtures import assert_accessible

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

PROCEDURE = "Inscription scolaire"


def png_bytes() -> bytes:
    """A real 2×2 red PNG image."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = struct.pack(">I", zlib.crc32(kind + data))
        return struct.pack(">I", len(data)) + kind + data + crc

    header = struct.pack(">IIBBBBB", 2, 2, 8, 2, 0, 0, 0)  # 8-bit RGB
    pixels = zlib.compress(b"".join(b"\x00" + b"\xff\x00\x00" * 2 for _row in range(2)))
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


def pdf_bytes() -> bytes:
    """A real one-page PDF."""
    writer = PdfWriter()
    writer.add_blank_page(width=595, height=842)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def private_media(tmp_path, monkeypatch):
    """The uploads in a folder of the test's own (the live server runs in this process)."""
    field = Upload._meta.get_field("file")
    monkeypatch.setattr(field, "storage", FileSystemStorage(location=tmp_path / "private"))


@pytest.fixture
def documents(tmp_path):
    proof = tmp_path / "facture-electricite.png"
    proof.write_bytes(png_bytes())
    record = tmp_path / "livret-de-famille.pdf"
    record.write_bytes(pdf_bytes())
    return proof, record


def save_and_continue(page, step_url: str) -> None:
    page.locator("#step-submit").click()
    page.wait_for_url(step_url)


def test_a_citizen_makes_a_school_registration_and_downloads_the_receipt(
    page, host_url, demo, documents
):
    portal = host_url("voiron")
    page.goto(f"{portal}/demarches/inscription-scolaire/")
    page.get_by_role("link", name=re.compile("^(Faire la demande|Make the request)$")).click()

    # Signing in leads straight to the form.
    page.wait_for_url(re.compile(r"/comptes/login/\?next="))
    page.locator("#id_login").fill(CITIZEN.email)
    page.locator("#id_password").fill(CITIZEN.password)
    page.locator("#login-form-submit").click()

    # A first request to Voiron: the citizen agrees to share the details of her space.
    page.wait_for_url(re.compile(r"/mon-espace/demarches/\d+/demande/$"))
    expect(page.get_by_role("heading", level=1)).to_contain_text("Voiron")
    assert_accessible(page)
    page.locator("#consent-accept").click()
    page.wait_for_url(re.compile(r"/mon-espace/brouillons/\d+/etapes/1/$"))
    draft_url = page.url.removesuffix("etapes/1/")
    expect(page.get_by_role("heading", level=1)).to_have_text(PROCEDURE)
    expect(page.get_by_role("heading", name="L’enfant")).to_be_visible()
    assert_accessible(page)

    # Step 1, a required answer left out: the error summary links to it.
    page.get_by_label("Nom de l’enfant").fill("Martin")
    page.get_by_label("Prénoms de l’enfant").fill("Léa")
    page.get_by_label("Date de naissance de l’enfant").fill("2020-05-04")
    save_and_continue(page, draft_url + "etapes/1/")
    summary = page.locator(".form-error-summary")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link")).to_have_count(1)
    expect(summary.get_by_role("link")).to_have_attribute("href", "#id_child_birth_place")
    birth_place = page.get_by_label("Lieu de naissance de l’enfant")
    expect(birth_place).to_have_attribute("aria-invalid", "true")
    expect(page.get_by_label("Prénoms de l’enfant")).to_have_value("Léa")
    assert_accessible(page)

    birth_place.fill("Voiron")
    save_and_continue(page, draft_url + "etapes/2/")

    # Step 2 is prefilled from the profile; the second parent's questions follow the answer.
    expect(page.locator("#id_parent1_first_names")).to_have_value(CITIZEN.first_name)
    second_parent = page.locator("#id_parent2_last_name")
    expect(second_parent).to_be_hidden()
    page.locator("#id_second_parent_0").check()  # yes
    expect(second_parent).to_be_visible()
    page.locator("#id_second_parent_1").check()  # no
    expect(second_parent).to_be_hidden()
    save_and_continue(page, draft_url + "etapes/3/")

    # Step 3: the canteen's questions appear when the answer is yes; two files.
    page.get_by_label("Niveau à la rentrée").select_option("cp")
    page.get_by_label("L’école de notre secteur").check()
    allergies = page.get_by_label("Allergies ou régime alimentaire")
    expect(allergies).to_be_hidden()
    page.locator("#id_canteen_0").check()  # yes
    expect(allergies).to_be_visible()
    page.get_by_label("Lundi").check()
    page.get_by_label("Jeudi").check()
    allergies.fill("Allergie à l’arachide")
    page.locator("#id_after_school_1").check()  # no
    proof, record = documents
    page.get_by_label("Justificatif de domicile").set_input_files(proof)
    page.get_by_label("Livret de famille ou acte de naissance de l’enfant").set_input_files(record)
    assert_accessible(page)
    save_and_continue(page, draft_url + "recapitulatif/")

    # The summary: every step with its answers, the files listed.
    assert page.locator(".review-step h2").all_inner_texts() == [
        "L’enfant",
        "Les responsables légaux",
        "École et options",
    ]
    school = page.locator("#review-step-3")
    expect(school).to_contain_text("Lundi, Jeudi")
    expect(school).to_contain_text("Allergie à l’arachide")
    expect(school.get_by_role("link", name=proof.name)).to_be_visible()
    expect(school.get_by_role("link", name=record.name)).to_be_visible()
    expect(page.locator("#review-step-1")).to_contain_text("04/05/2020")
    assert_accessible(page)

    page.locator("#submit-request").click()
    page.wait_for_url(re.compile(r"/mon-espace/demandes/\d+/confirmation/$"))
    submission = Submission.objects.get(user__email=CITIZEN.email)
    assert submission.reference and not submission.is_draft
    expect(page.locator("#request-reference")).to_have_text(submission.reference)
    assert submission.answers["canteen_days"] == ["monday", "thursday"]
    assert submission.uploads.count() == 2
    assert_accessible(page)

    with page.expect_download() as download_info:
        page.locator("#receipt-download").click()
    receipt = download_info.value
    assert receipt.suggested_filename.endswith(".pdf")
    content = receipt.path().read_bytes()
    assert content.startswith(b"%PDF")
    text = "".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(content)).pages)
    assert submission.reference in text
