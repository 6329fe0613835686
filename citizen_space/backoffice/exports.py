"""Exports of a procedure's requests as CSV or XLSX: one row per request, one column per
question of the form, read from each request's own snapshot so that old and new versions of the
form line up (`forms_builder.display.export_columns`)."""

import csv
import io
import json

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook

from forms_builder.display import export_columns, export_row

from .selectors import assigned_agent_name

# A cell starting with one of these is a formula to a spreadsheet: it is given as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FORMATS = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def export_table(submissions) -> tuple[list[str], list[list[str]]]:
    """The header and the rows of an export of `submissions` (give them oldest first)."""
    submissions = list(submissions)
    snapshots = {}
    for submission in submissions:
        snapshots.setdefault(json.dumps(submission.form_snapshot, sort_keys=True), submission)
    columns = export_columns(s.form_snapshot for s in snapshots.values())
    header = [
        _("Reference"),
        _("Sent on"),
        _("Status"),
        _("Collectivity"),
        _("Applicant"),
        _("Assigned to"),
        *(column["label"] for column in columns),
    ]
    rows = []
    for submission in submissions:
        answers = export_row(submission.form_snapshot, submission.answers)
        rows.append(
            [
                submission.reference,
                timezone.localtime(submission.submitted_at).strftime("%Y-%m-%d %H:%M"),
                submission.get_status_display(),
                submission.collectivity.name,
                submission.applicant_name,
                assigned_agent_name(submission),
                *(answers.get(column["name"], "") for column in columns),
            ]
        )
    return header, rows


def _safe(value) -> str:
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def export_csv(header: list[str], rows: list[list[str]]) -> bytes:
    """CSV for spreadsheets set to French: ";" between cells, UTF-8 with a byte order mark."""
    output = io.StringIO()
    writer = csv.writer(output, delimiter=";")
    writer.writerow([_safe(cell) for cell in header])
    writer.writerows([_safe(cell) for cell in row] for row in rows)
    return ("\ufeff" + output.getvalue()).encode()


def export_xlsx(header: list[str], rows: list[list[str]], *, title: str) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title=_sheet_title(title))
    sheet.append([_safe(cell) for cell in header])
    for row in rows:
        sheet.append([_safe(cell) for cell in row])
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _sheet_title(title: str) -> str:
    """At most 31 characters, none of those a sheet's name may not hold."""
    cleaned = "".join(" " if ch in "[]:*?/\\" else ch for ch in title).strip()
    return cleaned[:31] or "Export"
