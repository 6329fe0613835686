"""StreamField blocks of the portal pages, one class per block, each with its template."""

from .content import ImageSectionBlock, LinkBlock, LinksBlock, TextBlock
from .faq import FaqQuestionBlock, FaqSectionBlock
from .home import (
    FeatureBlock,
    FeaturesBlock,
    HighlightedProceduresBlock,
    ProcedureSearchBlock,
)
from .procedure import DocumentToPrepareBlock

__all__ = [
    "DocumentToPrepareBlock",
    "FaqQuestionBlock",
    "FaqSectionBlock",
    "FeatureBlock",
    "FeaturesBlock",
    "HighlightedProceduresBlock",
    "ImageSectionBlock",
    "LinkBlock",
    "LinksBlock",
    "ProcedureSearchBlock",
    "TextBlock",
    "content_blocks",
    "home_blocks",
]


def content_blocks() -> list:
    """The blocks of a plain content page (also offered on the home page)."""
    return [
        ("text", TextBlock()),
        ("image", ImageSectionBlock()),
        ("links", LinksBlock()),
    ]


def home_blocks() -> list:
    return [
        ("features", FeaturesBlock()),
        ("highlighted_procedures", HighlightedProceduresBlock()),
        ("procedure_search", ProcedureSearchBlock()),
        *content_blocks(),
    ]
