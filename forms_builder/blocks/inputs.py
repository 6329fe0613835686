"""The blocks that ask the citizen a question, one class per kind of answer."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from forms_builder.filetypes import DEFAULT_FILE_KINDS, FILE_KIND_CHOICES
from forms_builder.names import MACHINE_NAME_MAX_LENGTH, machine_name_from, validate_machine_name

from .base import InputBlock, prefill_block


def _struct_error(name: str, message) -> blocks.StructBlockValidationError:
    return blocks.StructBlockValidationError({name: ValidationError(message)})


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _decimal_text(value: Decimal | None) -> str | None:
    return None if value is None else str(value)


class ShortTextBlock(InputBlock):
    """A one-line text answer: a name, a reference, a place."""

    kind = "short_text"
    max_length = blocks.IntegerBlock(
        default=255, min_value=1, max_value=255, label=_("Maximum length (characters)")
    )
    prefill = prefill_block("first_name", "last_name", "birth_place")

    class Meta:
        icon = "pilcrow"
        label = _("Short text")
        description = _("A one-line answer, such as a name or a reference number.")
        preview_value = {"label": _("Last name"), "required": True, "prefill": "last_name"}

    def definition(self, value) -> dict:
        return {**super().definition(value), "max_length": value["max_length"] or 255}


class LongTextBlock(InputBlock):
    """A free text answer on several lines."""

    kind = "long_text"
    max_length = blocks.IntegerBlock(
        default=5000, min_value=1, max_value=20000, label=_("Maximum length (characters)")
    )

    class Meta:
        icon = "doc-full"
        label = _("Long text")
        description = _("A free answer on several lines, such as a description of the request.")
        preview_value = {"label": _("Describe your request"), "required": True}

    def definition(self, value) -> dict:
        return {**super().definition(value), "max_length": value["max_length"] or 5000}


class EmailBlock(InputBlock):
    """An email address."""

    kind = "email"
    prefill = prefill_block("email")

    class Meta:
        icon = "mail"
        label = _("Email address")
        description = _("An email address, checked for its format.")
        preview_value = {"label": _("Email address"), "prefill": "email"}


class PhoneBlock(InputBlock):
    """A phone number, stored in international format (+33…) and shown as 06 12 34 56 78."""

    kind = "phone"
    prefill = prefill_block("phone")

    class Meta:
        icon = "mobile-alt"
        label = _("Phone number")
        description = _("A French phone number (or an international one starting with +).")
        preview_value = {"label": _("Phone number"), "prefill": "phone"}


class NumberBlock(InputBlock):
    """A number, optionally bounded, with a given number of decimals."""

    kind = "number"
    min_value = blocks.DecimalBlock(required=False, label=_("Minimum"))
    max_value = blocks.DecimalBlock(required=False, label=_("Maximum"))
    decimal_places = blocks.IntegerBlock(
        default=0,
        min_value=0,
        max_value=6,
        label=_("Decimals"),
        help_text=_("0 for a whole number."),
    )

    class Meta:
        icon = "order"
        label = _("Number")
        description = _("A number, with optional minimum, maximum and decimals.")
        preview_value = {"label": _("Number of people"), "min_value": 1, "max_value": 50}

    def clean(self, value):
        value = super().clean(value)
        low, high = value["min_value"], value["max_value"]
        if low is not None and high is not None and low > high:
            raise _struct_error("max_value", _("The maximum must not be below the minimum."))
        return value

    def definition(self, value) -> dict:
        return {
            **super().definition(value),
            "min_value": _decimal_text(value["min_value"]),
            "max_value": _decimal_text(value["max_value"]),
            "decimal_places": value["decimal_places"] or 0,
        }


class DateBlock(InputBlock):
    """A date, optionally bounded or limited to the past or the future."""

    kind = "date"
    PERIOD_CHOICES = [
        ("any", _("Any date")),
        ("past", _("Today or earlier")),
        ("future", _("Today or later")),
    ]
    period = blocks.ChoiceBlock(
        choices=PERIOD_CHOICES, default="any", required=False, label=_("Allowed dates")
    )
    min_date = blocks.DateBlock(required=False, label=_("Earliest date"))
    max_date = blocks.DateBlock(required=False, label=_("Latest date"))
    prefill = prefill_block("birth_date")

    class Meta:
        icon = "date"
        label = _("Date")
        description = _("A date, optionally in the past only or in the future only.")
        preview_value = {"label": _("Date of the event"), "period": "future"}

    def clean(self, value):
        value = super().clean(value)
        low, high = value["min_date"], value["max_date"]
        if low and high and low > high:
            raise _struct_error("max_date", _("The latest date must not be before the earliest."))
        return value

    def definition(self, value) -> dict:
        return {
            **super().definition(value),
            "period": value["period"] or "any",
            "min_date": _iso(value["min_date"]),
            "max_date": _iso(value["max_date"]),
        }


class ChoiceOptionBlock(blocks.StructBlock):
    """One option of a choice: what the citizen reads and the stable value stored."""

    label = blocks.CharBlock(max_length=255, label=_("Label"))
    value = blocks.CharBlock(
        required=False,
        max_length=MACHINE_NAME_MAX_LENGTH,
        validators=[validate_machine_name],
        label=_("Machine value"),
        help_text=_("Left empty, it is derived from the label. Keep it once requests exist."),
    )

    class Meta:
        icon = "radio-full"
        label = _("Option")

    def clean(self, value):
        value = super().clean(value)
        if not value["value"]:
            value["value"] = machine_name_from(value["label"], fallback="option")
        return value


class ChoiceBlockBase(InputBlock):
    """Shared by single and multiple choices: a list of options with unique values."""

    options = blocks.ListBlock(ChoiceOptionBlock(), min_num=1, label=_("Options"))

    def clean(self, value):
        value = super().clean(value)
        seen = set()
        for option in value["options"]:
            if option["value"] in seen:
                raise _struct_error(
                    "options",
                    _("Two options have the machine value “%(value)s”.")
                    % {"value": option["value"]},
                )
            seen.add(option["value"])
        return value

    def definition(self, value) -> dict:
        return {
            **super().definition(value),
            "options": [
                {
                    "value": option.get("value")
                    or machine_name_from(option["label"], fallback="option"),
                    "label": str(option["label"]),
                }
                for option in value["options"]
            ],
        }


class SingleChoiceBlock(ChoiceBlockBase):
    """One option among several, as radio buttons or a drop-down list."""

    kind = "single_choice"
    WIDGET_CHOICES = [("radio", _("Radio buttons")), ("select", _("Drop-down list"))]
    widget = blocks.ChoiceBlock(
        choices=WIDGET_CHOICES, default="radio", required=False, label=_("Display as")
    )

    class Meta:
        icon = "list-ul"
        label = _("Single choice")
        description = _("The citizen picks one option, as radio buttons or a drop-down list.")
        preview_value = {
            "label": _("Type of request"),
            "options": [{"label": _("First request")}, {"label": _("Renewal")}],
        }

    def definition(self, value) -> dict:
        return {**super().definition(value), "widget": value["widget"] or "radio"}


class MultipleChoiceBlock(ChoiceBlockBase):
    """Any number of options among several, as checkboxes."""

    kind = "multiple_choice"

    class Meta:
        icon = "tasks"
        label = _("Multiple choice")
        description = _("The citizen ticks one or more options.")
        preview_value = {
            "label": _("Equipment needed"),
            "options": [{"label": _("Tables")}, {"label": _("Chairs")}],
        }


class YesNoBlock(InputBlock):
    """A yes/no question; its answer is "yes" or "no"."""

    kind = "yes_no"

    class Meta:
        icon = "tick-inverse"
        label = _("Yes / no")
        description = _("A question answered by yes or no.")
        preview_value = {"label": _("Is this your first request?")}


class FileBlock(InputBlock):
    """One or several uploaded files, of the allowed kinds, each under a maximum size."""

    kind = "file"
    kinds = blocks.MultipleChoiceBlock(
        choices=FILE_KIND_CHOICES, default=DEFAULT_FILE_KINDS, label=_("Allowed kinds of file")
    )
    max_size_mb = blocks.IntegerBlock(
        default=10, min_value=1, max_value=50, label=_("Maximum size of each file (MB)")
    )
    multiple = blocks.BooleanBlock(
        required=False, default=False, label=_("The citizen may send several files")
    )

    class Meta:
        icon = "doc-full-inverse"
        label = _("File upload")
        description = _("Supporting documents: kinds checked from the content, size limited.")
        preview_value = {"label": _("Proof of address"), "kinds": ["pdf", "jpeg", "png"]}

    def definition(self, value) -> dict:
        return {
            **super().definition(value),
            "kinds": list(value["kinds"]) or list(DEFAULT_FILE_KINDS),
            "max_size_mb": value["max_size_mb"] or 10,
            "multiple": bool(value["multiple"]),
        }


class AddressBlock(InputBlock):
    """A French postal address: street, postal code (checked), city."""

    kind = "address"
    prefill = prefill_block("address")

    class Meta:
        icon = "home"
        label = _("Postal address")
        description = _("Street, postal code and city; the postal code is checked.")
        preview_value = {"label": _("Your address"), "prefill": "address"}


class LocationBlock(InputBlock):
    """A place on the map (latitude and longitude) and/or its address, e.g. for an incident."""

    kind = "location"

    class Meta:
        icon = "site"
        label = _("Location")
        description = _("Where something is: coordinates and/or an address, for an incident.")
        preview_value = {"label": _("Where is the problem?")}
