"""A procedure's form seen as a GeoReport v2 service, and GeoReport fields turned back into
the form's data, so that the form engine validates a posted report as any request.

The standard GeoReport fields answer the first questions of their kind: `lat`, `long` and
`address_string` the location question, `description` the long text question, the `media` file
the file question, and `first_name`, `last_name`, `email`, `phone` the questions prefilled
from these parts of a citizen's profile. Every other question is an attribute of the service
definition, one per input of the question: its code is the input's name in the form
(`attribute[category]=pothole`, `attribute[address-city]=Lyon`).
"""

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from django import forms
from django.utils.datastructures import MultiValueDict
from django.utils.html import strip_tags

from forms_builder.engine import part_name
from forms_builder.kinds import kind_of
from forms_builder.snapshot import iter_inputs

PERSONAL_FIELDS = ("first_name", "last_name", "email", "phone")
LAYOUT_TYPES = ("heading", "help_text", "warning")
ATTRIBUTE = re.compile(r"attribute\[([\w-]+)\](\[\])?")


@dataclass(frozen=True)
class StandardFields:
    """The names of the questions that the standard GeoReport fields answer."""

    location: str | None = None
    description: str | None = None
    media: str | None = None
    personal: dict[str, str] = field(default_factory=dict)  # GeoReport field → question

    @classmethod
    def of(cls, snapshot: Mapping) -> "StandardFields":
        first: dict[str, str] = {}
        personal: dict[str, str] = {}
        for _index, question, _conditions in iter_inputs(snapshot):
            first.setdefault(question["type"], question["name"])
            source = question.get("prefill")
            if source in PERSONAL_FIELDS:
                personal.setdefault(source, question["name"])
        return cls(
            location=first.get("location"),
            description=first.get("long_text"),
            media=first.get("file"),
            personal=personal,
        )

    @property
    def question_names(self) -> set[str]:
        names = {self.location, self.description, self.media, *self.personal.values()}
        return names - {None}

    def form_field_names(self) -> dict[str, str]:
        """{form field name: GeoReport field} for the standard fields (to report errors)."""
        names = {name: geo for geo, name in self.personal.items()}
        if self.location:
            for suffix, geo in (("latitude", "lat"), ("longitude", "long")):
                names[part_name(self.location, suffix)] = geo
            names[part_name(self.location, "address")] = "address_string"
        if self.description:
            names[self.description] = "description"
        if self.media:
            names[self.media] = "media"
        return names


def service_attributes(snapshot: Mapping) -> list[dict]:
    """The GeoReport attributes of the form: its texts (not variable) and the inputs of the
    questions that no standard field answers."""
    standard = StandardFields.of(snapshot).question_names
    attributes = []
    for item, conditional in _items(snapshot):
        if item["type"] in LAYOUT_TYPES:
            attributes.append(_note(item, order=len(attributes) + 1))
        elif "name" in item and item["name"] not in standard and item["type"] != "file":
            for suffix, form_field in kind_of(item).parts(item, required=item["required"]).items():
                attributes.append(
                    _attribute(item, suffix, form_field, conditional, order=len(attributes) + 1)
                )
    return attributes


def _items(snapshot: Mapping) -> Iterator[tuple[dict, bool]]:
    """Every item of every step in form order, groups opened, with whether it depends on a
    condition (its own or its group's)."""

    def walk(items, conditional):
        for item in items:
            own = conditional or bool(item.get("condition"))
            if item["type"] == "group":
                yield from walk(item["items"], own)
            else:
                yield item, own

    for step in snapshot["steps"]:
        yield from walk(step["items"], False)


def _note(item: dict, *, order: int) -> dict:
    return {
        "variable": False,
        "code": f"note_{order}",
        "datatype": "string",
        "required": False,
        "datatype_description": "",
        "order": order,
        "description": " ".join(strip_tags(item.get("text", "")).split()),
    }


def _attribute(item: dict, suffix: str, form_field, conditional: bool, *, order: int) -> dict:
    description = item["label"] if not suffix else f"{item['label']} – {form_field.label}"
    attribute = {
        "variable": True,
        "code": part_name(item["name"], suffix),
        "datatype": _datatype(form_field),
        "required": form_field.required and not conditional,
        "datatype_description": item.get("help_text") or "",
        "order": order,
        "description": str(description),
    }
    if attribute["datatype"].endswith("valuelist"):
        attribute["values"] = [
            {"key": str(key), "name": str(name)} for key, name in form_field.choices if key != ""
        ]
    return attribute


def _datatype(form_field) -> str:
    if isinstance(form_field, forms.MultipleChoiceField):
        return "multivaluelist"
    if isinstance(form_field, forms.ChoiceField):
        return "singlevaluelist"
    if isinstance(form_field, forms.DecimalField | forms.IntegerField | forms.FloatField):
        return "number"
    if isinstance(form_field, forms.DateField | forms.DateTimeField):
        return "datetime"
    if isinstance(form_field.widget, forms.Textarea):
        return "text"
    return "string"


def form_data(snapshot: Mapping, posted) -> MultiValueDict:
    """The form data that the posted GeoReport fields (a QueryDict) stand for."""
    standard = StandardFields.of(snapshot)
    data = MultiValueDict()
    for form_name, geo in standard.form_field_names().items():
        if geo != "media" and geo in posted:
            data[form_name] = posted[geo]
    for key in posted:
        match = ATTRIBUTE.fullmatch(key)
        if match:
            data.setlist(match.group(1), posted.getlist(key))
    return data


def form_files(snapshot: Mapping, uploaded) -> MultiValueDict:
    """The posted `media` file(s), as the files of the form's file question."""
    media = StandardFields.of(snapshot).media
    files = MultiValueDict()
    if media and uploaded.getlist("media"):
        files.setlist(media, uploaded.getlist("media"))
    return files


def georeport_field(snapshot: Mapping, form_name: str) -> str:
    """The GeoReport field that stands for a form field (to report its errors)."""
    standard = StandardFields.of(snapshot).form_field_names()
    return standard.get(form_name) or f"attribute[{form_name}]"


def location_of(snapshot: Mapping, answers: Mapping) -> dict:
    """The answer of the location question: {"latitude", "longitude", "address"} or {}."""
    location = StandardFields.of(snapshot).location
    return (answers.get(location) if location else None) or {}
