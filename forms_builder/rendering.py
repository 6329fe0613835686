"""The markup of the form's questions, written out in Python: a step of twenty questions would
otherwise render some eighty small templates. The templates of the other items use the same
pieces (`item.label_html`, `item.condition_attrs` and the `help_errors` filter).

Plain f-strings with `escape` on every value that is not already safe: this runs for each
question of each step shown, where `format_html` would cost twice as much."""

import html
import json

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _


def escape(value) -> str:
    """`conditional_escape` without Django's wrapper for lazy strings: safe markup (a bound
    field, a `SafeString`) as it is, anything else escaped."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def label_text(definition: dict) -> SafeString:
    """The question's label, marked "(optional)" when it is not required."""
    label = escape(definition["label"])
    if definition.get("required"):
        return mark_safe(label)  # noqa: S308 (escaped above)
    optional = escape(_("optional"))
    return mark_safe(f'{label} <span class="form-optional">({optional})</span>')  # noqa: S308


def condition_attrs(condition: dict | None) -> SafeString:
    """The `data-condition` attribute that `conditions.js` reads, when there is a condition."""
    if not condition:
        return mark_safe("")
    return mark_safe(f' data-condition="{escape(json.dumps(condition))}"')  # noqa: S308


def help_errors(field) -> SafeString:
    """The help text and the errors of a bound field, with the ids its `aria-describedby`
    points to."""
    parts = []
    auto_id = escape(field.auto_id)
    if field.help_text:
        parts.append(f'<p class="form-help" id="{auto_id}_helptext">{escape(field.help_text)}</p>')
    if errors := field.errors:
        hidden = f'<span class="visually-hidden">{escape(_("Error:"))} </span>'
        messages = "<br>".join(hidden + escape(error) for error in errors)
        parts.append(f'<p class="form-error" id="{auto_id}_error">{messages}</p>')
    return mark_safe("\n".join(parts))  # noqa: S308 (every value escaped above)


def question_html(item) -> SafeString:
    """A question of one form field: its label (a legend for grouped choices), help, errors
    and input."""
    field = item.field
    label, details, widget = item.label_html, help_errors(field), escape(field)
    if field.use_fieldset:
        describedby = field.aria_describedby
        described = f' aria-describedby="{escape(describedby)}"' if describedby else ""
        body = (
            f'<fieldset class="form-fieldset"{described}>\n'
            f'<legend class="form-label">{label}</legend>\n{details}\n{widget}\n</fieldset>'
        )
    else:
        body = (
            f'<label class="form-label" for="{escape(field.id_for_label)}">{label}</label>\n'
            f"{details}\n{widget}"
        )
    error_class = " form-field--error" if field.errors else ""
    return mark_safe(  # noqa: S308 (every value escaped above)
        f'<div class="form-field{error_class}"{item.condition_attrs}>\n{body}\n</div>'
    )
