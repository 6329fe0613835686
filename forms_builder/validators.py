"""Checks of answers that are not Django built-ins: phone numbers, postal codes, files."""

import re

import filetype
import phonenumbers
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from .filetypes import FILE_KINDS

PHONE_REGION = "FR"
POSTAL_CODE_RE = re.compile(r"^\d{5}$")
# Metropolitan departments 01-95 (20 is Corsica), overseas 971-978, Monaco and the Pacific.
DEPARTMENT_PREFIX_RE = re.compile(r"^(0[1-9]|[1-8]\d|9[0-5]|97[1-8]|98[04678])")
# Bytes read to recognise a file: enough for the Office/OpenDocument zip signatures.
SNIFF_BYTES = 8192


def normalize_phone(text: str) -> str:
    """Return the number in E.164 (+33612345678), or raise ValidationError."""
    try:
        number = phonenumbers.parse(text, PHONE_REGION)
    except phonenumbers.NumberParseException:
        number = None
    if number is None or not phonenumbers.is_valid_number(number):
        raise ValidationError(
            _("Enter a valid phone number, for example 06 12 34 56 78."), code="invalid_phone"
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """ "06 12 34 56 78" for a French number, "+44 20 7946 0958" for a foreign one."""
    try:
        number = phonenumbers.parse(e164, PHONE_REGION)
    except phonenumbers.NumberParseException:
        return e164
    if phonenumbers.region_code_for_number(number) == PHONE_REGION:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def validate_postal_code(value: str) -> None:
    if not POSTAL_CODE_RE.match(value):
        raise ValidationError(
            _("Enter a postal code of 5 digits, for example 69001."), code="invalid_postal_code"
        )
    if not DEPARTMENT_PREFIX_RE.match(value):
        raise ValidationError(
            _("%(code)s is not a French postal code: check the first digits.") % {"code": value},
            code="unknown_postal_code",
        )


def detected_kind(uploaded_file) -> str | None:
    """The key of FILE_KINDS matching the file's content (magic bytes), or None."""
    position = uploaded_file.tell()
    uploaded_file.seek(0)
    head = uploaded_file.read(SNIFF_BYTES)
    uploaded_file.seek(position)
    guess = filetype.guess(head)
    if guess is None:
        return None
    return next(
        (key for key, kind in FILE_KINDS.items() if guess.extension in kind.detected_as), None
    )


def validate_upload(uploaded_file, *, kinds: list[str], max_size_mb: int) -> None:
    """Refuse a file above the size limit or whose content is not one of `kinds`."""
    max_bytes = max_size_mb * 1024 * 1024
    if uploaded_file.size > max_bytes:
        raise ValidationError(
            _("“%(name)s” is too large (%(size)s): the maximum is %(max)s.")
            % {
                "name": uploaded_file.name,
                "size": filesizeformat(uploaded_file.size),
                "max": filesizeformat(max_bytes),
            },
            code="file_too_large",
        )
    if detected_kind(uploaded_file) not in kinds:
        raise ValidationError(
            _("“%(name)s” is not an accepted kind of file. Accepted: %(kinds)s.")
            % {
                "name": uploaded_file.name,
                "kinds": get_text_list([str(FILE_KINDS[key].label) for key in kinds], _("or")),
            },
            code="file_kind",
        )
