"""Blocks that shape the form without asking anything: texts, groups and step breaks."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .base import FormBlock

TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class HeadingBlock(FormBlock):
    """A sub-heading inside a step of the form."""

    kind = "heading"
    text = blocks.CharBlock(max_length=255, label=_("Heading"))

    class Meta:
        icon = "title"
        label = _("Heading")
        description = _("A sub-heading that introduces the next questions.")
        preview_value = {"text": _("Your identity")}

    def definition(self, value) -> dict:
        return {**super().definition(value), "text": str(value["text"])}


class RichTextBase(FormBlock):
    """A short formatted text; the snapshot keeps its final HTML."""

    text = blocks.RichTextBlock(features=TEXT_FEATURES, label=_("Text"))

    def definition(self, value) -> dict:
        return {**super().definition(value), "text": str(value["text"])}


class HelpTextBlock(RichTextBase):
    """An explanation shown between the questions."""

    kind = "help_text"

    class Meta:
        icon = "help"
        label = _("Help text")
        description = _("An explanation shown between the questions.")
        preview_value = {"text": "<p>Prepare a recent proof of address.</p>"}


class WarningBlock(RichTextBase):
    """An important notice, set apart from the questions."""

    kind = "warning"

    class Meta:
        icon = "warning"
        label = _("Warning")
        description = _("An important notice the citizen must not miss.")
        preview_value = {"text": "<p>An incomplete request cannot be processed.</p>"}


class StepBreakBlock(blocks.StructBlock):
    """Starts a new step of the form; its title is shown with the progress indicator."""

    kind = "step_break"
    title = blocks.CharBlock(max_length=255, label=_("Title of the next step"))

    class Meta:
        icon = "arrow-right-full"
        template = "forms_builder/fields/step_break.html"
        label = _("Step break")
        description = _("Splits the form into steps, each with its own page.")
        preview_value = {"title": _("Supporting documents")}

    def definition(self, value) -> dict:
        return {"type": self.kind, "title": str(value["title"])}
