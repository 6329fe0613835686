"""Initial answers taken from the citizen's profile, for the questions that ask for them."""

import datetime
from collections.abc import Mapping

from .snapshot import iter_inputs

ADDRESS_PARTS = ("street", "postal_code", "city")


def _as_answer(source: str, value: object) -> object:
    if source == "address":
        if not isinstance(value, Mapping):
            return None
        address = {part: str(value.get(part) or "") for part in ADDRESS_PARTS}
        return address if any(address.values()) else None
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value)


def prefill_sources(snapshot: Mapping, step_index: int) -> set[str]:
    """The profile data that the step's questions are prefilled with (none: no need to read
    the profile)."""
    return {
        question["prefill"]
        for _index, question, _conditions in iter_inputs(snapshot, step_index)
        if question.get("prefill")
    }


def initial_from_profile(snapshot: Mapping, step_index: int, profile: Mapping[str, object]) -> dict:
    """{name: initial answer} for the step's questions prefilled from `profile`.

    `profile` maps the prefill sources (first_name, last_name, birth_date, birth_place, email,
    phone, address) to the citizen's values; address is a mapping with street, postal_code
    and city; birth_date a date or an ISO string. Missing or empty values are skipped.
    Pass the result as `initial` to `build_step_form`.
    """
    initial = {}
    for _index, question, _conditions in iter_inputs(snapshot, step_index):
        source = question.get("prefill")
        value = profile.get(source) if source else None
        if value in (None, ""):
            continue
        answer = _as_answer(source, value)
        if answer is not None:
            initial[question["name"]] = answer
    return initial
