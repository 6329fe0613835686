"""The kinds of file a citizen may be asked for, recognised from their content."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class FileKind:
    label: str
    extensions: tuple[str, ...]
    # Extensions reported by `filetype.guess()` for this kind.
    detected_as: tuple[str, ...]


FILE_KINDS: dict[str, FileKind] = {
    "pdf": FileKind(_("PDF document"), (".pdf",), ("pdf",)),
    "jpeg": FileKind(_("JPEG image"), (".jpg", ".jpeg"), ("jpg",)),
    "png": FileKind(_("PNG image"), (".png",), ("png",)),
    "webp": FileKind(_("WebP image"), (".webp",), ("webp",)),
    "heic": FileKind(_("HEIC photo (iPhone)"), (".heic", ".heif"), ("heic",)),
    "docx": FileKind(_("Word document (.docx)"), (".docx",), ("docx",)),
    "doc": FileKind(_("Word 97-2003 document (.doc)"), (".doc",), ("doc",)),
    "odt": FileKind(_("OpenDocument text (.odt)"), (".odt",), ("odt",)),
    "xlsx": FileKind(_("Excel spreadsheet (.xlsx)"), (".xlsx",), ("xlsx",)),
    "xls": FileKind(_("Excel 97-2003 spreadsheet (.xls)"), (".xls",), ("xls",)),
    "ods": FileKind(_("OpenDocument spreadsheet (.ods)"), (".ods",), ("ods",)),
}

FILE_KIND_CHOICES = [(key, kind.label) for key, kind in FILE_KINDS.items()]
DEFAULT_FILE_KINDS = ["pdf", "jpeg", "png"]
