"""Text inputs written out directly: the same markup as Django's widget templates, without
rendering three templates for each input (a step of twenty questions renders sixty)."""

from django import forms
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

from .rendering import escape


def html_attrs(attrs: dict) -> SafeString:
    """` name="value"` for each attribute, as Django's `attrs.html`: True gives the bare
    name, False and None leave it out."""
    parts = []
    for name, value in attrs.items():
        if value is True:
            parts.append(f" {name}")
        elif value is not False and value is not None:
            parts.append(f' {name}="{escape(value)}"')
    return mark_safe("".join(parts))  # noqa: S308 (values escaped above)


class DirectInputMixin:
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        value = widget["value"]
        value = f' value="{escape(value)}"' if value is not None else ""
        return mark_safe(  # noqa: S308 (every value escaped)
            f'<input type="{escape(widget["type"])}" name="{escape(widget["name"])}"{value}'
            f"{html_attrs(widget['attrs'])}>"
        )


class TextInput(DirectInputMixin, forms.TextInput):
    pass


class EmailInput(DirectInputMixin, forms.EmailInput):
    pass


class NumberInput(DirectInputMixin, forms.NumberInput):
    pass


class DateInput(DirectInputMixin, forms.DateInput):
    pass


class Textarea(forms.Textarea):
    def render(self, name, value, attrs=None, renderer=None):
        widget = self.get_context(name, value, attrs)["widget"]
        return format_html(
            '<textarea name="{}"{}>\n{}</textarea>',
            widget["name"],
            html_attrs(widget["attrs"]),
            widget["value"] or "",
        )
