"""Answers as people read them: the review page, the PDF receipt, exports.

Labels and option labels come from the snapshot the answers were given against, so an old
request reads as it was answered.
"""

from collections.abc import Iterable, Mapping

from .conditions import condition_met
from .kinds import kind_of
from .snapshot import iter_inputs, step_count, step_title, visible_answers


def answers_for_display(snapshot: Mapping, answers: Mapping) -> list[dict]:
    """Per step: {"index", "title", "items"}; each item {"name", "type", "label", "value",
    "answer"} for the questions shown, where "value" is the readable text ("" when not
    answered) and "answer" the stored answer (e.g. the file dicts, for download links)."""
    shown = visible_answers(snapshot, answers)
    steps = [
        {"index": index, "title": step_title(snapshot, index), "items": []}
        for index in range(step_count(snapshot))
    ]
    for index, question, conditions in iter_inputs(snapshot):
        if not all(condition_met(condition, shown) for condition in conditions):
            continue
        answer = shown.get(question["name"])
        steps[index]["items"].append(
            {
                "name": question["name"],
                "type": question["type"],
                "label": question["label"],
                "value": kind_of(question).display(question, answer) if answer is not None else "",
                "answer": answer,
            }
        )
    return steps


def export_columns(snapshots: Iterable[Mapping]) -> list[dict]:
    """The columns of an export of requests answered against several versions of a form:
    one {"name", "label"} per machine name, in order of first appearance; the label is the
    one of the last snapshot that has the question (give the snapshots oldest first)."""
    columns: dict[str, str] = {}
    for snapshot in snapshots:
        for _index, question, _conditions in iter_inputs(snapshot):
            columns[question["name"]] = question["label"]
    return [{"name": name, "label": label} for name, label in columns.items()]


def export_row(snapshot: Mapping, answers: Mapping) -> dict[str, str]:
    """{name: readable answer} for the questions shown; line it up with `export_columns`
    (e.g. csv.DictWriter(fieldnames=[c["name"] for c in columns], restval=""))."""
    shown = visible_answers(snapshot, answers)
    return {
        question["name"]: kind_of(question).display(question, shown[question["name"]])
        for _index, question, _conditions in iter_inputs(snapshot)
        if question["name"] in shown
    }
