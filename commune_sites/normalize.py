"""Folding names the way citizens type them: no accents, no case, no hyphens, St = Saint."""

import re
import unicodedata

from django.utils.text import slugify

ABBREVIATIONS = {"st": "saint", "ste": "sainte"}
_SEPARATORS = re.compile(r"[\W_]+")


def fold_words(value: str) -> list[str]:
    """The words of `value`, lowercase and without accents: 'Saint-Étienne' → saint, etienne."""
    decomposed = unicodedata.normalize("NFKD", value)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = plain.replace("œ", "oe").replace("æ", "ae")
    return [w for w in _SEPARATORS.split(plain) if w]


def normalize_name(value: str) -> str:
    """'Saint-Étienne' and 'st etienne' both give 'saint etienne'."""
    return " ".join(ABBREVIATIONS.get(w, w) for w in fold_words(value))


def slug_from_name(name: str) -> str:
    """The default slug, and so portal sub-domain, of a collectivity: 'saint-etienne'."""
    return slugify(name)[:63].strip("-")
