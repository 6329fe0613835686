"""Blocks of a commune's home page: features, highlighted procedures, procedure search."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from ..icons import Icon


class FeatureBlock(blocks.StructBlock):
    """One strength of the portal: a title, a sentence and an optional icon."""

    title = blocks.CharBlock(label=_("Title"), max_length=80)
    text = blocks.TextBlock(label=_("Text"))
    icon = blocks.ChoiceBlock(label=_("Icon"), choices=Icon.choices, required=False)

    class Meta:
        icon = "tick"
        label = _("Feature")
        template = "pages/blocks/feature.html"


class FeaturesBlock(blocks.StructBlock):
    """A titled presentation of the portal's strengths (Accessibility, Online services…)."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    intro = blocks.TextBlock(label=_("Introduction"), required=False)
    features = blocks.ListBlock(FeatureBlock(), label=_("Features"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Features")
        template = "pages/blocks/features.html"
        description = _("A presentation of what the portal offers, as a list of features")


class HighlightedProceduresBlock(blocks.StructBlock):
    """Procedures put forward on the home page."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    procedures = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="pages.ProcedurePage", label=_("Procedure")),
        label=_("Procedures"),
        min_num=1,
    )

    class Meta:
        icon = "pick"
        label = _("Highlighted procedures")
        template = "pages/blocks/highlighted_procedures.html"
        description = _("A selection of procedures, with links to them")


class ProcedureSearchBlock(blocks.StructBlock):
    """A search field for procedures; the search runs on the catalogue page."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, default=_("Find a procedure"))

    class Meta:
        icon = "search"
        label = _("Procedure search")
        template = "pages/blocks/procedure_search.html"
        description = _("A search field leading to the catalogue of procedures")
