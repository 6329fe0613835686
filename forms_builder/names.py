"""Machine names: the stable identifiers of fields and choice options."""

import re

from django.core.validators import RegexValidator
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

MACHINE_NAME_MAX_LENGTH = 50
MACHINE_NAME_RE = re.compile(r"^[a-z][a-z0-9_]*$")

validate_machine_name = RegexValidator(
    MACHINE_NAME_RE,
    _(
        "Use only lowercase letters without accents, digits and underscores, "
        "starting with a letter."
    ),
)


def machine_name_from(text: str, *, fallback: str = "field") -> str:
    """Derive a machine name from a label: "Prénom de l'enfant" -> "prenom_de_l_enfant"."""
    # Apostrophes separate words in French: "l'enfant" -> "l_enfant".
    name = (
        slugify(re.sub(r"['’`]", " ", str(text)))
        .replace("-", "_")
        .strip("_")[:MACHINE_NAME_MAX_LENGTH]
        .strip("_")
    )
    if not name or not name[0].isalpha():
        name = f"{fallback}_{name}".strip("_")[:MACHINE_NAME_MAX_LENGTH]
    return name
