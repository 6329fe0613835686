"""General content blocks: rich text, an image with its caption, a list of links."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageBlock

from .richtext import RICH_TEXT_FEATURES


class TextBlock(blocks.RichTextBlock):
    """Formatted text: headings, lists, links."""

    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        template = "pages/blocks/text.html"
        description = _("Formatted text with headings, lists and links")
        preview_value = "<h2>Horaires d’été</h2><p>La mairie ferme à 16 h en août.</p>"


class ImageSectionBlock(blocks.StructBlock):
    """An image with its text alternative and an optional caption."""

    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "pages/blocks/image.html"
        description = _("An image, with its text alternative for screen readers")


class LinkBlock(blocks.StructBlock):
    """A link to a page of the portal or to another site."""

    label = blocks.CharBlock(label=_("Label"), max_length=120)
    page = blocks.PageChooserBlock(label=_("Page of the portal"), required=False)
    url = blocks.URLBlock(label=_("Or address of another site"), required=False)

    class Meta:
        icon = "link"
        label = _("Link")
        template = "pages/blocks/link.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _("Choose a page of the portal or give an address, not both.")
            raise StructBlockValidationError(block_errors={"url": ValidationError(message)})
        return value


class LinksBlock(blocks.StructBlock):
    """A titled list of useful links."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    links = blocks.ListBlock(LinkBlock(), label=_("Links"), min_num=1)

    class Meta:
        icon = "list-ul"
        label = _("Links")
        template = "pages/blocks/links.html"
        description = _("A titled list of links")
