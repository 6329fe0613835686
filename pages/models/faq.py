"""The FAQ page of a collectivity."""

from dataclasses import dataclass
from functools import cached_property

from django.db import models
from django.utils.html import strip_tags
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.blocks import StructValue
from wagtail.fields import StreamField
from wagtail.search import index

from ..api.fields import CollectivitySerializer
from ..blocks import FaqSectionBlock
from .ownership import CollectivityOwnedPage


@dataclass(frozen=True)
class FaqSection:
    anchor: str
    block: StructValue


class FaqPage(CollectivityOwnedPage):
    """Sections of questions and answers, with a table of contents and schema.org data."""

    introduction = models.TextField(_("introduction"), blank=True)
    body = StreamField([("section", FaqSectionBlock())], verbose_name=_("sections"), blank=True)

    content_panels = [
        *CollectivityOwnedPage.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    search_fields = [*CollectivityOwnedPage.search_fields, index.SearchField("body")]
    api_fields = [
        APIField("collectivity", serializer=CollectivitySerializer(read_only=True)),
        APIField("introduction"),
        APIField("body"),
    ]

    parent_page_types = ["pages.CommuneHomePage"]
    subpage_types = []
    template = "pages/faq_page.html"

    class Meta:
        verbose_name = _("FAQ page")
        verbose_name_plural = _("FAQ pages")

    @cached_property
    def sections(self) -> list[FaqSection]:
        """The sections with unique anchors for the table of contents."""
        sections, seen = [], set()
        for number, child in enumerate(self.body, start=1):
            anchor = slugify(child.value["title"]) or f"section-{number}"
            if anchor in seen:
                anchor = f"{anchor}-{number}"
            seen.add(anchor)
            sections.append(FaqSection(anchor=anchor, block=child.value))
        return sections

    def structured_data(self) -> dict:
        """schema.org FAQPage data (answers as plain text)."""
        return {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "mainEntity": [
                {
                    "@type": "Question",
                    "name": question["question"],
                    "acceptedAnswer": {
                        "@type": "Answer",
                        "text": strip_tags(question["answer"].source).strip(),
                    },
                }
                for section in self.sections
                for question in section.block["questions"]
            ],
        }
