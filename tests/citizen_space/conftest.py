"""Fixtures of the citizen space tests: a commune with an online procedure, citizens, files."""

import struct

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from citizen_space.models import Submission, Upload
from commune_sites.models import Collectivity
from commune_sites.services import collectivity_provision
from forms_builder.blocks import FormFieldsBlock
from forms_builder.snapshot import form_snapshot
from pages.models import CataloguePage, ProcedurePage

PASSWORD = "a-Long-pass-phrase-42"


def pdf_bytes(padding: int = 0) -> bytes:
    return b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n" + b"0" * padding + b"\n%%EOF\n"


def exe_bytes() -> bytes:
    """The start of a Windows executable (an MZ header pointing to a PE header)."""
    header = bytearray(b"MZ" + b"\x00" * 126)
    header[0x3C:0x40] = struct.pack("<I", 0x80)
    return bytes(header) + b"PE\x00\x00" + b"\x00" * 64


def pdf_file(name="justificatif.pdf", padding=0) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, pdf_bytes(padding), content_type="application/pdf")


def question(type_, name, label, **options) -> dict:
    return {"type": type_, "value": {"label": label, "name": name, "required": True, **options}}


# Step 1: identity (prefilled from the profile); step 2: a supporting document and details.
FORM = [
    question("short_text", "last_name", "Nom", prefill="last_name"),
    question("email", "contact_email", "Adresse électronique", prefill="email"),
    {"type": "step_break", "value": {"title": "Pièces justificatives"}},
    question("file", "proof", "Justificatif de domicile", kinds=["pdf"], max_size_mb=1),
    question("long_text", "details", "Précisions"),
]


def form_stream(raw=FORM):
    return FormFieldsBlock().to_python(raw)


@pytest.fixture(autouse=True)
def english(settings):
    """Pages in the source language: outside i18n_patterns, LANGUAGE_CODE decides."""
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path, monkeypatch):
    """Uploads in a private folder of the test's own (the field took its storage from
    settings.STORAGES["private"] when the model was loaded), public media in another."""
    field = Upload._meta.get_field("file")
    monkeypatch.setattr(field, "storage", FileSystemStorage(location=tmp_path / "private"))
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "private"


@pytest.fixture
def intercommunality(db):
    return collectivity_provision(
        kind="intercommunality", name="Communauté de communes du Pilat", code="244200770"
    )


def provision_saint_martin(intercommunality) -> Collectivity:
    """The commune of these tests (and of the back office's, as its commune A)."""
    return collectivity_provision(
        kind="commune",
        name="Saint-Martin-la-Plaine",
        code="42279",
        postal_codes="42800",
        intercommunality=intercommunality,
    )


@pytest.fixture
def commune(intercommunality):
    return provision_saint_martin(intercommunality)


@pytest.fixture
def make_procedure():
    def make(collectivity, title="Attestation de domicile", *, form=FORM, **fields):
        catalogue = CataloguePage.objects.get(collectivity=collectivity, locale__language_code="fr")
        procedure = ProcedurePage(
            title=title, summary=f"Résumé : {title}", form=form_stream(form), **fields
        )
        catalogue.add_child(instance=procedure)
        return procedure

    return make


@pytest.fixture
def procedure(commune, make_procedure):
    return make_procedure(commune)


@pytest.fixture
def make_citizen(db):
    def make(email="camille@example.org", **fields):
        user = get_user_model().objects.create_user(
            username=email, email=email, password=PASSWORD, **fields
        )
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        return user

    return make


@pytest.fixture
def citizen(make_citizen):
    return make_citizen()


def english_client(user=None) -> Client:
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


@pytest.fixture
def citizen_client(citizen):
    return english_client(citizen)


@pytest.fixture
def bare_collectivity(db):
    """A collectivity without site nor pages: enough for references and the services."""
    return Collectivity.objects.create(
        kind="commune", name="Saint-Martin-en-Haut", slug="saint-martin-en-haut", code="69227"
    )


@pytest.fixture
def make_draft(bare_collectivity):
    """A complete draft made without the views: one question, answered."""
    snapshot = form_snapshot(form_stream([question("short_text", "last_name", "Nom")]))

    def make(user, collectivity=bare_collectivity):
        return Submission.objects.create(
            user=user,
            collectivity=collectivity,
            procedure_title="Attestation",
            form_snapshot=snapshot,
            answers={"last_name": "Martin"},
            steps_done=1,
        )

    return make
