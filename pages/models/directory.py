"""The portal directory: where citizens find their commune's portal."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from commune_sites.selectors import collectivity_search

from ..blocks.richtext import RICH_TEXT_FEATURES
from .serving import ServedInFewerQueriesMixin

QUERY_MAX_LENGTH = 100


class PortalDirectoryPage(ServedInFewerQueriesMixin, Page):
    """Root page of the portal domain: a search of the communes on the portal."""

    introduction = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    # Created by pages.services, never by hand.
    is_creatable = False
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.ContentPage"]
    template = "pages/portal_directory_page.html"

    class Meta:
        verbose_name = _("portal directory")
        verbose_name_plural = _("portal directories")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        query = request.GET.get("q", "").strip()[:QUERY_MAX_LENGTH]
        context["query"] = query
        context["results"] = collectivity_search(query) if query else []
        return context
