"""The form engine: a Django form for one step of a snapshot, and the final re-validation.

The server is the authority. A question hidden by its condition is neither required nor
kept: conditions on an earlier step's answers are settled when the form is built (the
question is left out); conditions on this step's answers are evaluated in form order on the
submitted data, while `conditions.js` only mirrors them in the browser.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError
from django.utils.datastructures import MultiValueDict
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from . import rendering
from .conditions import condition_met
from .kinds import InputKind, Kind, kind_of
from .snapshot import iter_inputs, step_count, step_title, visible_answers


def part_name(name: str, suffix: str) -> str:
    """The form field name of a part of a question: "address-postal_code"."""
    return f"{name}-{suffix}" if suffix else name


@dataclass
class Question:
    """A question of the step, with the conditions still to check on this step's answers."""

    definition: dict
    kind: InputKind
    conditions: tuple[dict, ...]
    field_names: dict[str, str]  # suffix -> form field name

    @property
    def name(self) -> str:
        return self.definition["name"]


@dataclass
class Item:
    """One thing to render in the step, in form order: a question, a text or a group."""

    form: "StepForm"
    definition: dict
    kind: Kind
    # The item's own condition when it is evaluated in the browser (on this step's answers).
    condition: dict | None = None
    children: list["Item"] = field(default_factory=list)
    question: Question | None = None

    @property
    def html(self) -> SafeString:
        return self.kind.render(self)

    @property
    def condition_attrs(self) -> SafeString:
        return rendering.condition_attrs(self.condition)

    @property
    def label_html(self) -> SafeString:
        return rendering.label_text(self.definition)

    @cached_property
    def fields(self) -> list[forms.BoundField]:
        return [self.form[name] for name in self.question.field_names.values()]

    @property
    def field(self) -> forms.BoundField:
        return self.fields[0]

    @property
    def auto_id(self) -> str:
        return self.form.auto_id % self.definition["name"]

    @property
    def remove_field(self) -> forms.BoundField | None:
        """For a file question with files already sent: the "remove" checkboxes."""
        name = self.question.field_names.get("remove")
        return self.form[name] if name else None

    @property
    def existing_files(self) -> list[dict]:
        return self.form.existing_files.get(self.definition["name"]) or []


class StepForm(forms.Form):
    """The questions of one step. After `is_valid()`:

    - `answers`: {name: JSON answer} for each question of the step, None when left empty or
      hidden; a question whose answer is invalid is absent. For a file question, the answer is
      the list of `existing_files` kept; the new uploads are in `uploaded_files`.
    - `uploaded_files`: {name: [UploadedFile, …]}, the valid new uploads, even when another
      question has an error: store them and pass them back as `existing_files` so the citizen
      does not send them again.
    - `cleaned_data`: by form field name (the UploadedFile lists included).
    """

    template_name = "forms_builder/step_fields.html"

    def __init__(
        self,
        snapshot: Mapping,
        step_index: int,
        *,
        data=None,
        files=None,
        answers: Mapping | None = None,
        existing_files: Mapping[str, list] | None = None,
        initial: Mapping | None = None,
        query: Mapping | None = None,
    ):
        super().__init__(data=data, files=files, label_suffix="")
        self.snapshot = snapshot
        self.step_index = step_index
        self.query = query or {}
        self.existing_files = dict(existing_files or {})
        self.answers: dict[str, object] = {}
        self.uploaded_files: dict[str, list] = {}
        self._step_names = {q["name"] for _i, q, _c in iter_inputs(snapshot, step_index)}
        answers = answers or {}
        # Answers of the other steps, as shown: they settle the conditions on them.
        self._prior = visible_answers(
            snapshot, {k: v for k, v in answers.items() if k not in self._step_names}
        )
        self._initial_answers = {**(initial or {}), **answers}
        self._questions: list[Question] = []
        self._hidden_names: list[str] = []  # questions hidden by an earlier step's answer
        self.items = self._build_items(snapshot["steps"][step_index]["items"], ())

    # --- building

    def _build_items(self, definitions, conditions) -> list[Item]:
        items = []
        for definition in definitions:
            condition = definition.get("condition")
            on_this_step = bool(condition) and condition["field"] in self._step_names
            if condition and not on_this_step and not condition_met(condition, self._prior):
                self._hidden_names.extend(_names_in(definition))
                continue
            own = (*conditions, condition) if on_this_step else conditions
            item = Item(self, definition, kind_of(definition), condition if on_this_step else None)
            if definition["type"] == "group":
                item.children = self._build_items(definition["items"], own)
            elif item.kind.is_input:
                item.question = self._add_question(definition, item.kind, own)
            items.append(item)
        return items

    def _add_question(self, definition, kind: InputKind, conditions) -> Question:
        name = definition["name"]
        extra = {"query": self.query} if kind.reads_query else {}
        parts = kind.parts(
            definition,
            required=definition["required"],
            existing=self.existing_files.get(name),
            **extra,
        )
        main = parts.get("")
        if main is not None:
            main.label = definition["label"]
            main.help_text = " ".join(filter(None, [definition["help_text"], main.help_text]))
        initial = self._initial_answers.get(name)
        initial_data = kind.data(definition, initial) if initial is not None else {}
        field_names = {}
        for suffix, form_field in parts.items():
            form_field.initial = initial_data.get(suffix)
            field_names[suffix] = part_name(name, suffix)
            self.fields[field_names[suffix]] = form_field
        question = Question(definition, kind, conditions, field_names)
        self._questions.append(question)
        return question

    # --- validation

    def _clean_fields(self):
        """Replaces Django's field-by-field cleaning (called by `full_clean`): questions are
        cleaned in form order, and those whose condition is not met are skipped."""
        known = dict(self._prior)
        self.answers.update(dict.fromkeys(self._hidden_names))
        for question in self._questions:
            if not all(condition_met(c, known) for c in question.conditions):
                self.answers[question.name] = None
                continue
            answer = self._clean_question(question)
            if answer is not None:
                known[question.name] = answer

    def _clean_question(self, question: Question) -> object:
        cleaned = {}
        for suffix, name in question.field_names.items():
            bound = self[name]
            try:
                if isinstance(bound.field, forms.FileField):
                    value = bound.field.clean(bound.data, bound.initial)
                else:
                    value = bound.field.clean(bound.data)
            except ValidationError as error:
                self.add_error(name, error)
            else:
                cleaned[suffix] = self.cleaned_data[name] = value
        if len(cleaned) < len(question.field_names):
            return None
        try:
            answer = question.kind.answer(
                question.definition, cleaned, existing=self.existing_files.get(question.name)
            )
        except ValidationError as error:
            for suffix, errors in error.error_dict.items():
                self.add_error(question.field_names[suffix], errors)
            return None
        if question.kind.has_uploads and cleaned[""]:
            self.uploaded_files[question.name] = cleaned[""]
        self.answers[question.name] = answer
        return answer

    # --- rendering

    @property
    def step_count(self) -> int:
        return step_count(self.snapshot)

    @property
    def step_title(self) -> str:
        return step_title(self.snapshot, self.step_index)

    @property
    def progress_label(self) -> str:
        return _("Step %(number)s of %(count)s") % {
            "number": self.step_index + 1,
            "count": self.step_count,
        }

    def error_summary(self) -> list[dict]:
        """The errors in form order, each with the id of the input it is about."""
        entries = [
            {"label": "", "message": message, "anchor": ""} for message in self.non_field_errors()
        ]
        for question in self._questions:
            for suffix, name in question.field_names.items():
                bound = self[name]
                label = question.definition["label"]
                if suffix:
                    label = f"{label} – {bound.label}"
                anchor = bound.id_for_label or f"{bound.auto_id}_0"
                entries.extend(
                    {"label": label, "message": message, "anchor": anchor}
                    for message in bound.errors
                )
        return entries


def _names_in(definition: Mapping) -> list[str]:
    if definition["type"] == "group":
        return [name for item in definition["items"] for name in _names_in(item)]
    return [definition["name"]] if "name" in definition else []


def build_step_form(
    snapshot: Mapping,
    step_index: int,
    *,
    data=None,
    files=None,
    answers: Mapping | None = None,
    existing_files: Mapping[str, list] | None = None,
    initial: Mapping | None = None,
    query: Mapping | None = None,
) -> StepForm:
    """The form of step `step_index` (0-based) of a snapshot.

    `answers`: the answers given so far (all steps), which settle conditions on earlier steps
    and fill the questions already answered; `initial`: answers to start with otherwise (see
    `prefill.initial_from_profile`); `existing_files`: {name: [file dict, …]} already stored;
    `query`: the page's query parameters (the week shown by an appointment question's picker).
    """
    return StepForm(
        snapshot,
        step_index,
        data=data,
        files=files,
        answers=answers,
        existing_files=existing_files,
        initial=initial,
        query=query,
    )


def _data_for(snapshot, step_index, answers) -> MultiValueDict:
    """Form data that posts `answers` back to the step's form."""
    data = MultiValueDict()
    for _index, question, _conditions in iter_inputs(snapshot, step_index):
        answer = answers.get(question["name"])
        if answer is None:
            continue
        for suffix, value in kind_of(question).data(question, answer).items():
            name = part_name(question["name"], suffix)
            data.setlist(name, [str(v) for v in value] if isinstance(value, list) else [value])
    return data


def clean_answers(snapshot: Mapping, answers: Mapping) -> dict:
    """Re-validate all the answers against the snapshot, as at the final submission.

    Returns the answers of the questions shown, without empty ones. Raises a ValidationError
    with one error per faulty step (code "invalid_step", params["step"]: its 0-based index).
    """
    cleaned: dict[str, object] = {}
    errors = []
    for index in range(step_count(snapshot)):
        existing = {
            question["name"]: answers[question["name"]]
            for _i, question, _c in iter_inputs(snapshot, index)
            if question["type"] == "file" and answers.get(question["name"])
        }
        form = StepForm(
            snapshot,
            index,
            data=_data_for(snapshot, index, answers),
            files=MultiValueDict(),
            answers=cleaned,
            existing_files=existing,
        )
        if not form.is_valid():
            errors.append(_step_error(form))
        cleaned.update({k: v for k, v in form.answers.items() if v is not None})
    if errors:
        raise ValidationError(errors)
    return cleaned


def _step_error(form: StepForm) -> ValidationError:
    labels = dict.fromkeys(entry["label"] for entry in form.error_summary())
    return ValidationError(
        _("%(title)s: check %(labels)s."),
        code="invalid_step",
        params={
            "step": form.step_index,
            "title": form.step_title or form.progress_label,
            "labels": ", ".join(labels),
        },
    )


def preview_item(definition: Mapping) -> Item:
    """The rendering of one block alone, conditions left out: editors' previews."""
    snapshot = {"version": 1, "steps": [{"title": "", "items": [_unconditional(definition)]}]}
    return StepForm(snapshot, 0).items[0]


def _unconditional(definition: Mapping) -> dict:
    result = {**definition, "condition": None} if "condition" in definition else dict(definition)
    if "items" in definition:
        result["items"] = [_unconditional(item) for item in definition["items"]]
    return result
