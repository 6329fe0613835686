"""Conditional display: does an earlier answer satisfy a block's condition?

A condition is plain data, as stored in the snapshot:
``{"field": "<machine name>", "operator": "equals" | "one_of" | "contains", "values": [...]}``.
A field without an answer (left empty, hidden, or invalid) satisfies no condition, so a
chain of conditions hides everything that hangs from a hidden field.
"""

from collections.abc import Mapping

from django.utils.translation import gettext_lazy as _

OPERATOR_CHOICES = [
    ("equals", _("equals")),
    ("one_of", _("is one of")),
    ("contains", _("contains")),
]

# Fields whose answer a condition may test, and whose HTML inputs conditions.js can read.
CONDITION_SOURCE_TYPES = frozenset(
    {"short_text", "email", "single_choice", "multiple_choice", "yes_no"}
)


def _fold(text: object) -> str:
    return str(text).strip().casefold()


def condition_met(condition: Mapping | None, answers: Mapping[str, object]) -> bool:
    """True when there is no condition, or when the answer it tests satisfies it.

    - equals: the answer is the value (for a multiple choice: exactly that one option);
    - one_of: the answer is one of the values (multiple choice: every option ticked is);
    - contains: a multiple choice has one of the values ticked; a text contains one of them.
    Texts are compared ignoring case and surrounding spaces.
    """
    if not condition:
        return True
    answer = answers.get(condition["field"])
    if answer in (None, "", []):
        return False
    values = {_fold(value) for value in condition["values"]}
    operator = condition["operator"]
    if isinstance(answer, list):
        ticked = {_fold(item) for item in answer}
        if operator == "contains":
            return bool(ticked & values)
        if operator == "one_of":
            return ticked <= values
        return ticked == values
    answer = _fold(answer)
    if operator == "contains":
        return any(value in answer for value in values)
    return answer in values
