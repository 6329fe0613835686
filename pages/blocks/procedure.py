"""Blocks of the procedure page."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class DocumentToPrepareBlock(blocks.StructBlock):
    """A document the citizen should have at hand before starting."""

    name = blocks.CharBlock(label=_("Document"), max_length=200)
    details = blocks.CharBlock(label=_("Details"), required=False, max_length=300)

    class Meta:
        icon = "doc-full"
        label = _("Document to prepare")
        template = "pages/blocks/document_to_prepare.html"
