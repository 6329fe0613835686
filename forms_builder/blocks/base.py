"""What every form block shares: the input block base, its condition and its snapshot."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from forms_builder.conditions import OPERATOR_CHOICES
from forms_builder.engine import preview_item
from forms_builder.kinds import KINDS
from forms_builder.names import MACHINE_NAME_MAX_LENGTH, machine_name_from, validate_machine_name

PREFILL_LABELS = {
    "first_name": _("First name"),
    "last_name": _("Last name"),
    "birth_date": _("Date of birth"),
    "birth_place": _("Place of birth"),
    "email": _("Email address"),
    "phone": _("Phone number"),
    "address": _("Postal address"),
}


def prefill_block(*sources: str) -> blocks.ChoiceBlock:
    """The optional "prefill from the citizen's profile" choice, limited to `sources`."""
    return blocks.ChoiceBlock(
        choices=[(source, PREFILL_LABELS[source]) for source in sources],
        required=False,
        label=_("Prefill from the citizen's profile"),
        help_text=_("The citizen can still change the prefilled answer."),
    )


class ConditionBlock(blocks.StructBlock):
    """Show the block only when an earlier answer matches; leave the field empty to always show."""

    field = blocks.CharBlock(
        required=False,
        max_length=MACHINE_NAME_MAX_LENGTH,
        label=_("Show only if the answer to the field"),
        help_text=_("Machine name of an earlier field. Leave empty to always show."),
    )
    operator = blocks.ChoiceBlock(
        choices=OPERATOR_CHOICES, default="equals", required=False, label=_("Condition")
    )
    values = blocks.ListBlock(
        blocks.CharBlock(label=_("Value")),
        default=[],
        label=_("Values"),
        help_text=_("For choices, the machine value of the option; for yes/no, “yes” or “no”."),
    )

    class Meta:
        icon = "decision"
        label = _("Display condition")
        collapsed = True
        form_classname = "struct-block forms-builder-condition"

    def clean(self, value):
        value = super().clean(value)
        if not value["field"]:
            return value
        operator = value["operator"] or "equals"
        value["operator"] = operator
        count = len(value["values"])
        if count == 0:
            raise blocks.StructBlockValidationError(
                {"values": ValidationError(_("Give the value(s) the answer is compared with."))}
            )
        if operator == "equals" and count > 1:
            raise blocks.StructBlockValidationError(
                {"values": ValidationError(_("“Equals” compares with a single value."))}
            )
        return value

    @staticmethod
    def definition(value) -> dict | None:
        if not value or not value.get("field"):
            return None
        return {
            "field": value["field"],
            "operator": value["operator"] or "equals",
            "values": [str(item) for item in value["values"]],
        }


class FormBlock(blocks.StructBlock):
    """Base of every block of a form: its snapshot `kind` and its rendering through the engine."""

    kind = ""

    def definition(self, value) -> dict:
        """The self-contained snapshot entry of this block (plain JSON data)."""
        return {"type": self.kind}

    def get_preview_value(self):
        # `preview_value` gives only what differs from the defaults: fill in the rest.
        return self.to_python(self.get_prep_value(super().get_preview_value()))

    def get_template(self, value=None, context=None):
        """The template of the block's kind, which renders it in the form too."""
        return KINDS[self.kind].template

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["item"] = preview_item(self.definition(value))
        return context


class InputBlock(FormBlock):
    """Base of the blocks that ask a question: label, machine name, help, required, condition."""

    label = blocks.CharBlock(max_length=255, label=_("Label"))
    name = blocks.CharBlock(
        required=False,
        max_length=MACHINE_NAME_MAX_LENGTH,
        validators=[validate_machine_name],
        label=_("Machine name"),
        help_text=_(
            "Identifies the answer in exports and conditions. Left empty, it is derived from "
            "the label. Do not change it once requests have been received."
        ),
    )
    help_text = blocks.CharBlock(required=False, max_length=500, label=_("Help text"))
    required = blocks.BooleanBlock(required=False, default=True, label=_("Required"))
    condition = ConditionBlock()

    def clean(self, value):
        value = super().clean(value)
        if not value["name"]:
            value["name"] = machine_name_from(value["label"])
        return value

    def definition(self, value) -> dict:
        return {
            **super().definition(value),
            "name": value["name"] or machine_name_from(value["label"]),
            "label": str(value["label"]),
            "help_text": str(value["help_text"] or ""),
            "required": bool(value["required"]),
            "prefill": value.get("prefill") or None,
            "condition": ConditionBlock.definition(value["condition"]),
        }
