"""Folding names the way citizens type them: no accents, no case, no hyphens, St = Saint."""

import re
import unicodedata

_ABBREVIATIONS = {"st": "saint", "ste": "sainte"}
_SEPARATORS = re.compile(r"[\s\-'’_.,/]+")


def normalize_name(value: str) -> str:
    """'Saint-Étienne' and 'st etienne' both give 'saint etienne'."""
    decomposed = unicodedata.normalize("NFKD", value)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c)).lower()
    plain = plain.replace("œ", "oe").replace("æ", "ae")
    words = [w for w in _SEPARATORS.split(plain) if w]
    return " ".join(_ABBREVIATIONS.get(w, w) for w in words)
