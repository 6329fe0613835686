"""Plain content pages (legal notices, practical information…)."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from ..blocks import content_blocks
from .serving import ServedInFewerQueriesMixin


class ContentPage(ServedInFewerQueriesMixin, Page):
    """Free text, images and links."""

    body = StreamField(content_blocks(), verbose_name=_("content"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("body")]

    parent_page_types = ["pages.CommuneHomePage", "pages.ContentPage", "pages.PortalDirectoryPage"]
    subpage_types = ["pages.ContentPage"]
    template = "pages/content_page.html"

    class Meta:
        verbose_name = _("content page")
        verbose_name_plural = _("content pages")
