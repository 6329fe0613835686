"""Questions typed in one input: texts, email, phone, number, date."""

import datetime
import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from forms_builder import widgets
from forms_builder.validators import format_phone, normalize_phone

from .base import InputKind


class ShortTextKind(InputKind):
    type = "short_text"

    def parts(self, definition, *, required, existing=None):
        return {
            "": forms.CharField(
                required=required,
                max_length=definition.get("max_length") or 255,
                widget=widgets.TextInput(attrs=self.autocomplete(definition)),
            )
        }


class LongTextKind(InputKind):
    type = "long_text"

    def parts(self, definition, *, required, existing=None):
        return {
            "": forms.CharField(
                required=required,
                max_length=definition.get("max_length") or 5000,
                widget=widgets.Textarea(attrs={"rows": 5}),
            )
        }


class EmailKind(InputKind):
    type = "email"

    def parts(self, definition, *, required, existing=None):
        return {
            "": forms.EmailField(
                required=required, widget=widgets.EmailInput(attrs=self.autocomplete(definition))
            )
        }


class PhoneField(forms.CharField):
    """A phone number typed freely, cleaned to E.164."""

    def __init__(self, **kwargs):
        super().__init__(max_length=30, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return normalize_phone(value) if value else value


class PhoneKind(InputKind):
    type = "phone"

    def parts(self, definition, *, required, existing=None):
        attrs = {"type": "tel", "inputmode": "tel", **self.autocomplete(definition)}
        return {"": PhoneField(required=required, widget=widgets.TextInput(attrs=attrs))}

    def data(self, definition, answer):
        return {"": format_phone(answer) if answer else answer}

    def display(self, definition, answer):
        return format_phone(answer) if answer else ""


class NumberField(forms.DecimalField):
    """A decimal number; also takes the French decimal comma and spaces between thousands."""

    widget = widgets.NumberInput

    def to_python(self, value):
        if isinstance(value, str):
            value = re.sub(r"\s", "", value).replace(",", ".")
        return super().to_python(value)


class NumberKind(InputKind):
    type = "number"
    MAX_DIGITS = 18

    def parts(self, definition, *, required, existing=None):
        bound = {
            key: Decimal(definition[key])
            for key in ("min_value", "max_value")
            if definition.get(key) is not None
        }
        return {
            "": NumberField(
                required=required,
                max_digits=self.MAX_DIGITS,
                decimal_places=definition.get("decimal_places") or 0,
                **bound,
            )
        }

    def answer(self, definition, cleaned, existing=None):
        value = cleaned[""]
        return None if value is None else format(value, "f")

    def display(self, definition, answer):
        if answer is None:
            return ""
        return formats.number_format(Decimal(answer), use_l10n=True, force_grouping=True)


class DateKind(InputKind):
    type = "date"

    def parts(self, definition, *, required, existing=None):
        today = timezone.localdate()
        period = definition.get("period") or "any"
        bounds = [
            datetime.date.fromisoformat(definition[key]) if definition.get(key) else None
            for key in ("min_date", "max_date")
        ]
        if period == "future":
            bounds[0] = max(filter(None, [bounds[0], today]))
        if period == "past":
            bounds[1] = min(filter(None, [bounds[1], today]))
        low, high = bounds
        attrs = {"type": "date", **self.autocomplete(definition)}
        attrs.update({"min": low.isoformat()} if low else {})
        attrs.update({"max": high.isoformat()} if high else {})
        return {
            "": forms.DateField(
                required=required,
                widget=widgets.DateInput(attrs=attrs, format="%Y-%m-%d"),
                validators=[_date_validator(low, high, period)],
            )
        }

    def answer(self, definition, cleaned, existing=None):
        value = cleaned[""]
        return value.isoformat() if value else None

    def display(self, definition, answer):
        if not answer:
            return ""
        return formats.date_format(datetime.date.fromisoformat(answer), "SHORT_DATE_FORMAT")


def _date_validator(low, high, period):
    def validate(value):
        if low and value < low:
            message = (
                _("Enter today’s date or a later one.")
                if period == "future" and low == timezone.localdate()
                else _("Enter a date from %(date)s.")
            )
            raise ValidationError(message % {"date": formats.date_format(low)}, code="too_early")
        if high and value > high:
            message = (
                _("Enter today’s date or an earlier one.")
                if period == "past" and high == timezone.localdate()
                else _("Enter a date until %(date)s.")
            )
            raise ValidationError(message % {"date": formats.date_format(high)}, code="too_late")

    return validate
