"""The markup of the form's questions, written out in Python: a step of twenty questions would
otherwise render some eighty small templates. The templates of the other items use the same
pieces (`item.label_html`, `item.condition_attrs` and the `help_errors` filter)."""

import json

from django.utils.html import conditional_escape, format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


def label_text(definition: dict) -> SafeString:
    """The question's label, marked "(optional)" when it is not required."""
    if definition.get("required"):
        return conditional_escape(definition["label"])
    return format_html(
        '{} <span class="form-optional">({})</span>', definition["label"], _("optional")
    )


def condition_attrs(condition: dict | None) -> SafeString:
    """The `data-condition` attribute that `conditions.js` reads, when there is a condition."""
    if not condition:
        return mark_safe("")
    return format_html(' data-condition="{}"', json.dumps(condition))


def help_errors(field) -> SafeString:
    """The help text and the errors of a bound field, with the ids its `aria-describedby`
    points to."""
    parts = []
    if field.help_text:
        parts.append(
            format_html(
                '<p class="form-help" id="{}_helptext">{}</p>', field.auto_id, field.help_text
            )
        )
    if errors := field.errors:
        hidden = format_html('<span class="visually-hidden">{} </span>', _("Error:"))
        messages = mark_safe("<br>").join(format_html("{}{}", hidden, error) for error in errors)
        parts.append(
            format_html('<p class="form-error" id="{}_error">{}</p>', field.auto_id, messages)
        )
    return mark_safe("\n".join(parts))  # noqa: S308 (each part built by format_html)


def question_html(item) -> SafeString:
    """A question of one form field: its label (a legend for grouped choices), help, errors
    and input."""
    field = item.field
    if field.use_fieldset:
        describedby = field.aria_describedby
        body = format_html(
            '<fieldset class="form-fieldset"{}>\n<legend class="form-label">{}</legend>\n{}\n{}\n'
            "</fieldset>",
            format_html(' aria-describedby="{}"', describedby) if describedby else "",
            item.label_html,
            help_errors(field),
            field,
        )
    else:
        body = format_html(
            '<label class="form-label" for="{}">{}</label>\n{}\n{}',
            field.id_for_label,
            item.label_html,
            help_errors(field),
            field,
        )
    return format_html(
        '<div class="form-field{}"{}>\n{}\n</div>',
        " form-field--error" if field.errors else "",
        item.condition_attrs,
        body,
    )
