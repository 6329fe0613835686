"""Questions answered by picking options: single choice, multiple choice, yes/no."""

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .base import InputKind

YES_NO_OPTIONS = [
    {"value": "yes", "label": gettext_lazy("Yes")},
    {"value": "no", "label": gettext_lazy("No")},
]


class ChoiceKind(InputKind):
    """Options come from the snapshot, so an old request shows the labels it was answered with."""

    @staticmethod
    def options(definition) -> list[dict]:
        return definition["options"]

    def choices(self, definition):
        return [(option["value"], option["label"]) for option in self.options(definition)]

    def label_of(self, definition, value) -> str:
        labels = {option["value"]: option["label"] for option in self.options(definition)}
        return str(labels.get(value, value))

    def display(self, definition, answer):
        return "" if answer is None else self.label_of(definition, answer)


class SingleChoiceKind(ChoiceKind):
    type = "single_choice"

    def parts(self, definition, *, required, existing=None):
        choices = self.choices(definition)
        if definition.get("widget") == "select":
            widget = forms.Select
            choices = [("", _("Choose an option")), *choices]
        else:
            widget = forms.RadioSelect
        return {"": forms.ChoiceField(required=required, choices=choices, widget=widget)}


class MultipleChoiceKind(ChoiceKind):
    type = "multiple_choice"

    def parts(self, definition, *, required, existing=None):
        return {
            "": forms.MultipleChoiceField(
                required=required,
                choices=self.choices(definition),
                widget=forms.CheckboxSelectMultiple,
            )
        }

    def answer(self, definition, cleaned, existing=None):
        ticked = set(cleaned[""])
        # Stored in the order of the options, whatever the order of the posted values.
        ordered = [value for value, _label in self.choices(definition) if value in ticked]
        return ordered or None

    def data(self, definition, answer):
        return {"": answer or []}

    def display(self, definition, answer):
        return ", ".join(self.label_of(definition, value) for value in answer or [])


class YesNoKind(ChoiceKind):
    type = "yes_no"

    @staticmethod
    def options(definition):
        return YES_NO_OPTIONS

    def parts(self, definition, *, required, existing=None):
        return {
            "": forms.ChoiceField(
                required=required, choices=self.choices(definition), widget=forms.RadioSelect
            )
        }
