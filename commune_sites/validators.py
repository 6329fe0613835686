"""Validation of collectivities' official codes, postal codes and host names.

Shared by the model's `clean()` (so the Wagtail admin form and the services agree) and usable on
their own. Each validator raises a `ValidationError` with a message a person can act on.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# A commune's INSEE code: department (01-19, 21-95, 2A/2B for Corsica since 1976) and a commune
# number of three digits; overseas: 971-978 and 986-988, followed by two digits.
_INSEE_RE = re.compile(
    r"^(?:(?:0[1-9]|1\d|2[1-9AB]|[3-8]\d|9[0-5])\d{3}|(?:97[1-8]|98[6-8])\d{2})$"
)
_SIREN_RE = re.compile(r"^\d{9}$")
_POSTAL_CODE_RE = re.compile(r"^\d{5}$")
_HOST_LABEL_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$")


def validate_insee_code(value: str) -> None:
    """A commune's INSEE code: 5 characters, for example 42218, 2A004 (Ajaccio) or 97411."""
    if not _INSEE_RE.match(value) or value.endswith("000"):
        raise ValidationError(
            _(
                "“%(value)s” is not a valid INSEE code: a commune’s code has 5 characters, "
                "its department (01 to 95, 2A or 2B for Corsica, 971 to 988 overseas) followed "
                "by the commune’s number, for example 42218 or 2A004."
            ),
            code="invalid_insee",
            params={"value": value},
        )


def luhn_is_valid(digits: str) -> bool:
    """The Luhn checksum used by SIREN numbers."""
    total = 0
    for position, char in enumerate(reversed(digits)):
        digit = int(char)
        if position % 2:
            digit *= 2
            if digit > 9:
                digit -= 9
        total += digit
    return total % 10 == 0


def validate_siren(value: str) -> None:
    """An intercommunality's SIREN: 9 digits whose Luhn checksum is right."""
    if not _SIREN_RE.match(value):
        raise ValidationError(
            _("“%(value)s” is not a valid SIREN number: it must have exactly 9 digits."),
            code="invalid_siren",
            params={"value": value},
        )
    if not luhn_is_valid(value):
        raise ValidationError(
            _("“%(value)s” is not a valid SIREN number: its check digit is wrong (typo?)."),
            code="invalid_siren_checksum",
            params={"value": value},
        )


def split_postal_codes(value: str) -> list[str]:
    return value.replace(",", " ").replace(";", " ").split()


def validate_postal_codes(value: str) -> None:
    """Postal codes separated by spaces or commas, each of 5 digits."""
    wrong = [code for code in split_postal_codes(value) if not _POSTAL_CODE_RE.match(code)]
    if wrong:
        raise ValidationError(
            _("These are not postal codes of 5 digits: %(codes)s."),
            code="invalid_postal_code",
            params={"codes": ", ".join(wrong)},
        )


def validate_host_label(value: str) -> None:
    """A slug that can be the first label of a host name (<slug>.<portal domain>)."""
    if not _HOST_LABEL_RE.match(value):
        raise ValidationError(
            _(
                "Use only lowercase letters without accents, digits and hyphens, not at the "
                "start or the end (at most 63 characters)."
            ),
            code="invalid_host_label",
        )


def validate_hostname(value: str) -> None:
    """A fully qualified host name without scheme, port or path, e.g. demarches.commune.fr."""
    labels = value.split(".")
    if len(value) > 253 or len(labels) < 2 or not all(_HOST_LABEL_RE.match(x) for x in labels):
        raise ValidationError(
            _(
                "“%(value)s” is not a valid host name: write it in lowercase, without "
                "http:// nor a path, for example demarches.ma-commune.fr."
            ),
            code="invalid_hostname",
            params={"value": value},
        )
