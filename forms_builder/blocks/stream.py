"""The form's StreamBlock, its conditional groups, and the checks made when publishing."""

from collections import defaultdict

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import blocks

from forms_builder.conditions import CONDITION_SOURCE_TYPES

from .appointment import AppointmentBlock
from .base import ConditionBlock, FormBlock
from .inputs import (
    AddressBlock,
    DateBlock,
    EmailBlock,
    FileBlock,
    LocationBlock,
    LongTextBlock,
    MultipleChoiceBlock,
    NumberBlock,
    PhoneBlock,
    ShortTextBlock,
    SingleChoiceBlock,
    YesNoBlock,
)
from .layout import HeadingBlock, HelpTextBlock, StepBreakBlock, WarningBlock

YES_NO_VALUES = ("yes", "no")


class GroupFieldsBlock(blocks.StreamBlock):
    """The blocks a conditional group may hold: every question and text, no group or step."""

    short_text = ShortTextBlock()
    long_text = LongTextBlock()
    email = EmailBlock()
    phone = PhoneBlock()
    number = NumberBlock()
    date = DateBlock()
    single_choice = SingleChoiceBlock()
    multiple_choice = MultipleChoiceBlock()
    yes_no = YesNoBlock()
    file = FileBlock()
    address = AddressBlock()
    location = LocationBlock()
    heading = HeadingBlock()
    help_text = HelpTextBlock()
    warning = WarningBlock()

    class Meta:
        label = gettext_lazy("Blocks of the group")


class GroupBlock(FormBlock):
    """Several blocks shown together, only when their condition is met."""

    kind = "group"
    title = blocks.CharBlock(
        required=False,
        max_length=255,
        label=gettext_lazy("Title"),
        help_text=gettext_lazy("Optional; shown as the legend of the group."),
    )
    condition = ConditionBlock()
    fields = GroupFieldsBlock(min_num=1)

    class Meta:
        icon = "group"
        label = gettext_lazy("Conditional group")
        description = gettext_lazy("Questions shown together, only when an earlier answer matches.")
        preview_value = {
            "title": gettext_lazy("Your child"),
            "fields": [("short_text", {"label": gettext_lazy("First name of the child")})],
        }

    def definition(self, value) -> dict:
        return {
            **super().definition(value),
            "title": str(value["title"] or ""),
            "condition": ConditionBlock.definition(value["condition"]),
            "items": [child.block.definition(child.value) for child in value["fields"]],
        }


class FormFieldsBlock(GroupFieldsBlock):
    """Every block of a procedure's form. Block type names are stored in pages: never rename."""

    group = GroupBlock()
    step_break = StepBreakBlock()
    appointment = AppointmentBlock()

    class Meta:
        label = gettext_lazy("Form")

    def clean(self, value):
        value = super().clean(value)
        if self.is_deferred_validation:  # saving a draft: checked at publish only
            return value
        problems = form_problems(value)
        if problems:
            raise _stream_error(problems)
        return value


def _walk(stream_value, path=()):
    """Yield (path, definition) for each block of the stream, groups' blocks included."""
    for index, child in enumerate(stream_value):
        definition = child.block.definition(child.value)
        yield (*path, index), definition
        if definition["type"] == "group":
            yield from _walk(child.value["fields"], (*path, index, "fields"))


def form_problems(stream_value) -> list[tuple[tuple, str, ValidationError]]:
    """What prevents publishing the form: (block path, child block name, error) triples.

    Machine names must be unique; a condition must test an earlier field able to drive it,
    with values that field can take.
    """
    problems = []
    paths_by_name = defaultdict(list)
    earlier: dict[str, dict] = {}
    for path, definition in _walk(stream_value):
        condition = definition.get("condition")
        if condition:
            message = _condition_problem(condition, earlier)
            if message:
                problems.append((path, "condition", ValidationError(message)))
        if "name" in definition:
            paths_by_name[definition["name"]].append((path, definition))
            earlier.setdefault(definition["name"], definition)
    for name, uses in paths_by_name.items():
        if len(uses) > 1:
            message = _(
                "The machine name “%(name)s” is used by several fields (%(labels)s). "
                "Give each field its own machine name."
            ) % {"name": name, "labels": ", ".join(f"“{d['label']}”" for _p, d in uses)}
            problems.extend((path, "name", ValidationError(message)) for path, _d in uses)
    return problems


def _condition_problem(condition: dict, earlier: dict[str, dict]) -> str | None:
    source = earlier.get(condition["field"])
    if source is None:
        return _(
            "The condition refers to “%(name)s”, which is not the machine name of an earlier field."
        ) % {"name": condition["field"]}
    if source["type"] not in CONDITION_SOURCE_TYPES:
        return _(
            "The answer to “%(label)s” cannot drive a condition: use a choice, a yes/no "
            "question or a short text."
        ) % {"label": source["label"]}
    if source["type"] == "yes_no":
        allowed = YES_NO_VALUES
    elif "options" in source:
        allowed = [option["value"] for option in source["options"]]
    else:
        return None
    unknown = [value for value in condition["values"] if value not in allowed]
    if unknown:
        return _("“%(values)s” is not a value of “%(label)s” (possible values: %(allowed)s).") % {
            "values": "”, “".join(unknown),
            "label": source["label"],
            "allowed": ", ".join(allowed),
        }
    return None


def _struct_error(child_name: str, error: ValidationError) -> blocks.StructBlockValidationError:
    if child_name == "condition":  # the error is about the tested field
        error = blocks.StructBlockValidationError({"field": error})
    return blocks.StructBlockValidationError({child_name: error})


def _stream_error(problems) -> blocks.StreamBlockValidationError:
    """Attach each problem to its block (inside groups too) and list them all on top."""
    top: dict[int, blocks.StructBlockValidationError] = {}
    nested: dict[int, dict[int, blocks.StructBlockValidationError]] = defaultdict(dict)
    for path, child_name, error in problems:
        if len(path) == 1:
            top.setdefault(path[0], _struct_error(child_name, error))
        else:
            nested[path[0]].setdefault(path[2], _struct_error(child_name, error))
    for index, inner in nested.items():
        top[index] = blocks.StructBlockValidationError(
            {"fields": blocks.StreamBlockValidationError(block_errors=inner)}
        )
    messages = list(dict.fromkeys(error.message for _p, _c, error in problems))
    return blocks.StreamBlockValidationError(block_errors=top, non_block_errors=messages)
