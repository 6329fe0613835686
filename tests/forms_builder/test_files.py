"""File questions: kinds recognised from the content, sizes, several files, files kept."""

import io
import zipfile

import pytest
from django.core.exceptions import ValidationError
from django.utils.datastructures import MultiValueDict

from forms_builder.engine import build_step_form, clean_answers

from .builders import exe_bytes, pdf_bytes, png_bytes, question, snapshot_of, upload

STORED = {"id": 7, "name": "proof.pdf", "size": 1200, "content_type": "application/pdf"}


def proof(**options):
    return question(
        "file", "proof", **{"kinds": ["pdf", "png"], "max_size_mb": 1, "multiple": False, **options}
    )


def send(item, *uploads, existing=None, data=None, extra=()):
    snapshot = snapshot_of([item, *extra])
    files = MultiValueDict({item["name"]: list(uploads)}) if uploads else MultiValueDict()
    form = build_step_form(snapshot, 0, data=data or {}, files=files, existing_files=existing or {})
    form.is_valid()
    return form


def test_pdf_and_png_are_recognised_from_their_content():
    form = send(proof(), upload("scan.PDF", pdf_bytes()))
    assert form.is_valid(), form.errors
    assert [f.name for f in form.uploaded_files["proof"]] == ["scan.PDF"]
    assert form.cleaned_data["proof"] == form.uploaded_files["proof"]
    assert form.answers["proof"] is None  # nothing stored yet: the caller stores the upload
    assert send(proof(), upload("photo.png", png_bytes())).is_valid()


def office_file(*entries) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries:
            archive.writestr(name, content)
    return buffer.getvalue()


@pytest.mark.parametrize(
    "kind, content",
    [
        ("docx", office_file(("[Content_Types].xml", "<Types/>"), ("word/document.xml", "<w/>"))),
        ("odt", office_file(("mimetype", "application/vnd.oasis.opendocument.text"))),
        ("xlsx", office_file(("[Content_Types].xml", "<Types/>"), ("xl/workbook.xml", "<x/>"))),
    ],
)
def test_office_documents_are_recognised(kind, content):
    assert send(proof(kinds=[kind]), upload(f"letter.{kind}", content)).is_valid()
    refused = send(proof(kinds=["pdf"]), upload("letter.pdf", content))
    assert "not an accepted kind" in refused.errors["proof"][0]


def test_an_executable_renamed_pdf_is_refused_with_a_clear_message():
    form = send(proof(), upload("invoice.pdf", exe_bytes(), "application/pdf"))
    assert not form.is_valid()
    assert form.errors["proof"] == [
        "“invoice.pdf” is not an accepted kind of file. Accepted: PDF document or PNG image."
    ]
    assert "proof" not in form.uploaded_files


def test_a_png_is_refused_where_only_pdf_is_accepted():
    form = send(proof(kinds=["pdf"]), upload("scan.pdf", png_bytes()))
    assert "not an accepted kind of file" in form.errors["proof"][0]


def test_an_oversized_file_is_refused():
    big = pdf_bytes() + b"0" * (1024 * 1024)
    form = send(proof(), upload("big.pdf", big))
    assert form.errors["proof"] == ["“big.pdf” is too large (1.0\xa0MB): the maximum is 1.0\xa0MB."]


def test_empty_file_is_refused():
    assert "empty" in send(proof(), upload("empty.pdf", b"")).errors["proof"][0]


def test_several_files_when_allowed_each_checked():
    item = proof(multiple=True)
    form = send(item, upload("a.pdf", pdf_bytes()), upload("b.png", png_bytes()))
    assert form.is_valid(), form.errors
    assert [f.name for f in form.uploaded_files["proof"]] == ["a.pdf", "b.png"]
    assert "multiple" in str(form["proof"])

    form = send(item, upload("a.pdf", pdf_bytes()), upload("c.pdf", exe_bytes()))
    assert form.errors["proof"] == [
        "“c.pdf” is not an accepted kind of file. Accepted: PDF document or PNG image."
    ]


def test_a_single_file_question_keeps_only_one_upload():
    form = send(proof(), upload("a.pdf", pdf_bytes()), upload("b.pdf", pdf_bytes()))
    assert [f.name for f in form.uploaded_files["proof"]] == ["b.pdf"]


def test_required_file():
    assert send(proof()).errors["proof"] == ["This field is required."]


def test_a_file_already_stored_answers_a_required_question():
    form = send(proof(), existing={"proof": [STORED]})
    assert form.is_valid(), form.errors
    assert form.answers["proof"] == [STORED]
    html = form.render()
    assert "proof.pdf" in html and 'name="proof-remove"' in html and " required" not in html


def test_stored_files_can_be_removed_but_a_required_question_stays_required():
    item = proof(multiple=True)
    form = send(item, existing={"proof": [STORED]}, data={"proof-remove": ["7"]})
    assert form.errors["proof"] == ["This field is required."]

    form = send(
        item,
        upload("new.pdf", pdf_bytes()),
        existing={"proof": [STORED]},
        data={"proof-remove": ["7"]},
    )
    assert form.is_valid(), form.errors
    assert form.answers["proof"] is None
    assert [f.name for f in form.uploaded_files["proof"]] == ["new.pdf"]


def test_a_new_file_replaces_the_stored_one_in_a_single_file_question():
    form = send(proof(), upload("new.pdf", pdf_bytes()), existing={"proof": [STORED]})
    assert form.is_valid()
    assert form.answers["proof"] is None
    assert len(form.uploaded_files["proof"]) == 1


def test_valid_uploads_are_given_back_when_another_question_has_an_error():
    form = send(proof(), upload("a.pdf", pdf_bytes()), extra=[question("email", "mail")])
    assert not form.is_valid()
    assert list(form.errors) == ["mail"]
    assert [f.name for f in form.uploaded_files["proof"]] == ["a.pdf"]


def test_final_validation_uses_the_stored_files():
    snapshot = snapshot_of([proof()])
    assert clean_answers(snapshot, {"proof": [STORED]}) == {"proof": [STORED]}
    with pytest.raises(ValidationError) as raised:
        clean_answers(snapshot, {})
    assert raised.value.error_list[0].params["step"] == 0
    assert raised.value.messages == ["Step 1 of 1: check Proof."]
