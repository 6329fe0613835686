"""The form snapshot: a self-contained, JSON-serialisable copy of a form's definition.

Each request stores the snapshot of the form it answered, and every engine function works
from it, so a later edit of the procedure's form never changes how an old request is
validated, displayed or exported. Shape (version 1)::

    {"version": 1, "steps": [{"title": "...", "items": [<item>, ...]}, ...]}

An item is ``{"type": ..., ...}``: questions carry name, label, help_text, required, prefill,
condition and their own options; groups carry title, condition and items; headings and texts
carry text.
"""

from collections.abc import Iterator, Mapping

from .conditions import condition_met

SNAPSHOT_VERSION = 1


def form_snapshot(stream_value) -> dict:
    """Snapshot of a `FormFieldsBlock` value: step breaks split the items into steps."""
    steps = [{"title": "", "items": []}]
    for child in stream_value:
        definition = child.block.definition(child.value)
        if definition["type"] == "step_break":
            steps.append({"title": definition["title"], "items": []})
        else:
            steps[-1]["items"].append(definition)
    steps = [step for step in steps if step["items"]] or [{"title": "", "items": []}]
    return {"version": SNAPSHOT_VERSION, "steps": steps}


def step_count(snapshot: Mapping) -> int:
    return len(snapshot["steps"])


def step_title(snapshot: Mapping, index: int) -> str:
    """The title given by the step break that opens the step ("" for none)."""
    return snapshot["steps"][index]["title"]


def iter_inputs(
    snapshot: Mapping, step_index: int | None = None
) -> Iterator[tuple[int, dict, tuple[dict, ...]]]:
    """(step index, question, conditions it depends on) for each question, in form order.

    The conditions are the enclosing group's, then the question's own; all must be met.
    """
    steps = snapshot["steps"]
    indexes = range(len(steps)) if step_index is None else [step_index]
    for index in indexes:
        yield from ((index, *entry) for entry in _inputs_of(steps[index]["items"], ()))


def _inputs_of(items, conditions):
    for item in items:
        own = (*conditions, item["condition"]) if item.get("condition") else conditions
        if item["type"] == "group":
            yield from _inputs_of(item["items"], own)
        elif "name" in item:
            yield item, own


def visible_answers(snapshot: Mapping, answers: Mapping[str, object]) -> dict:
    """The answers of the questions shown, given the answers: a question hidden by a condition
    loses its answer, and so do the questions that depend on it."""
    kept = {}
    for _index, question, conditions in iter_inputs(snapshot):
        name = question["name"]
        if answers.get(name) is not None and all(condition_met(c, kept) for c in conditions):
            kept[name] = answers[name]
    return kept
