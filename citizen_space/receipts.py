"""The acknowledgement of receipt of a request, as a PDF (fpdf2, DejaVu fonts for Unicode).

Made again from the request's stored data whenever it is downloaded or mailed: the reference,
the date, the form snapshot and the answers never change once the request is submitted.
"""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from fpdf import FPDF, FontFace
from fpdf.enums import XPos, YPos

from forms_builder.display import answers_for_display

from . import app_settings
from .models import Submission

FONT = "DejaVu"
_FONT_FILES = {"": "DejaVuSans.ttf", "B": "DejaVuSans-Bold.ttf"}
_LINE = {"new_x": XPos.LMARGIN, "new_y": YPos.NEXT}


def receipt_filename(submission: Submission) -> str:
    return f"accuse-reception-{submission.reference}.pdf"


def _fonts() -> dict[str, Path]:
    folder = Path(app_settings.receipt_font_dir())
    paths = {style: folder / name for style, name in _FONT_FILES.items()}
    missing = [str(path) for path in paths.values() if not path.is_file()]
    if missing:
        raise ImproperlyConfigured(
            f"PDF receipts need the DejaVu fonts (Debian package fonts-dejavu-core), "
            f"not found: {', '.join(missing)}. Set RECEIPT_FONT_DIR to their folder."
        )
    return paths


def receipt_pdf(submission: Submission) -> bytes:
    """The PDF receipt of a submitted request, in the language it was made in."""
    with translation.override(submission.language):
        pdf = _ReceiptPDF()
        pdf.set_title(_("Acknowledgement of receipt") + f" {submission.reference}")
        pdf.set_lang(submission.language)
        pdf.set_author(submission.collectivity.name)
        pdf.set_creation_date(submission.submitted_at)
        pdf.add_page()
        _write_header(pdf, submission)
        _write_answers(pdf, submission)
        return bytes(pdf.output())


class _ReceiptPDF(FPDF):
    def __init__(self):
        super().__init__(format="A4")
        for style, path in _fonts().items():
            self.add_font(FONT, style, path)
        self.set_auto_page_break(True, margin=18)
        self.set_margins(18, 18, 18)

    def footer(self):
        self.set_y(-12)
        self.set_font(FONT, "", 8)
        self.cell(0, 5, f"{self.page_no()}/{{nb}}", align="C")


def _write_header(pdf: FPDF, submission: Submission) -> None:
    collectivity = submission.collectivity
    pdf.set_font(FONT, "B", 14)
    pdf.multi_cell(0, 7, collectivity.name, **_LINE)
    contact = " – ".join(part for part in (collectivity.address, collectivity.phone) if part)
    if contact:
        pdf.set_font(FONT, "", 9)
        pdf.multi_cell(0, 5, contact, **_LINE)
    pdf.ln(6)
    pdf.set_font(FONT, "B", 18)
    pdf.multi_cell(0, 9, _("Acknowledgement of receipt"), **_LINE)
    pdf.ln(3)
    received = formats.date_format(timezone.localtime(submission.submitted_at), "DATETIME_FORMAT")
    _write_pairs(
        pdf,
        [
            (_("Reference"), submission.reference),
            (_("Procedure"), submission.procedure_title),
            (_("Received on"), received),
            (_("Applicant"), submission.user.email if submission.user else ""),
        ],
    )
    pdf.ln(3)
    pdf.set_font(FONT, "", 10)
    text = _(
        "Your request has been received by %(name)s. Please give its reference whenever you "
        "contact them about it. You can follow it in your space on the portal."
    )
    pdf.multi_cell(0, 5, text % {"name": collectivity.name}, align="L", **_LINE)


def _write_answers(pdf: FPDF, submission: Submission) -> None:
    pdf.ln(5)
    pdf.set_font(FONT, "B", 13)
    pdf.multi_cell(0, 7, _("Your answers"), **_LINE)
    for step in answers_for_display(submission.form_snapshot, submission.answers):
        if not step["items"]:
            continue
        if step["title"]:
            pdf.ln(2)
            pdf.set_font(FONT, "B", 11)
            pdf.multi_cell(0, 6, step["title"], **_LINE)
        _write_pairs(pdf, [(item["label"], item["value"]) for item in step["items"]])


def _write_pairs(pdf: FPDF, pairs: list[tuple[str, str]]) -> None:
    """Label/value rows; a long label or value wraps within its column."""
    pdf.set_font(FONT, "", 10)
    with pdf.table(
        col_widths=(35, 65),
        first_row_as_headings=False,
        borders_layout="HORIZONTAL_LINES",
        text_align="LEFT",
        line_height=5.5,
        padding=1.5,
    ) as table:
        for label, value in pairs:
            row = table.row()
            row.cell(str(label), style=FontFace(emphasis="BOLD"))
            row.cell(value or "–")
