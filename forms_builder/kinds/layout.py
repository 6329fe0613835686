"""Items that ask nothing: texts shown between the questions, and conditional groups."""

from .base import Kind


class HeadingKind(Kind):
    type = "heading"
    template = "forms_builder/fields/heading.html"


class HelpTextKind(Kind):
    type = "help_text"
    template = "forms_builder/fields/help_text.html"


class WarningKind(Kind):
    type = "warning"
    template = "forms_builder/fields/warning.html"


class GroupKind(Kind):
    """Holds `items`, shown only when the group's `condition` (and each item's own) is met."""

    type = "group"
    template = "forms_builder/fields/group.html"
