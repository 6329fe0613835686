"""The home page of a collectivity's portal, root of its Wagtail Site."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page

from ..api.fields import CollectivitySerializer
from ..blocks import home_blocks
from .serving import ServedInFewerQueriesMixin


class CommuneHomePage(ServedInFewerQueriesMixin, Page):
    """Welcome, a sign-in call to action, then sections edited by the collectivity."""

    collectivity = models.ForeignKey(
        "commune_sites.Collectivity",
        verbose_name=_("collectivity"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    welcome_title = models.CharField(_("welcome title"), max_length=120, default="Bienvenue")
    welcome_text = models.TextField(
        _("welcome text"),
        blank=True,
        default="Connectez-vous pour gérer vos démarches administratives en ligne !",
    )
    body = StreamField(home_blocks(), verbose_name=_("sections"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("welcome_title"),
        FieldPanel("welcome_text"),
        FieldPanel("body"),
    ]

    api_fields = [
        APIField("collectivity", serializer=CollectivitySerializer(read_only=True)),
        APIField("welcome_title"),
        APIField("welcome_text"),
        APIField("body"),
    ]

    # Created by pages.services, never by hand.
    is_creatable = False
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["pages.CataloguePage", "pages.FaqPage", "pages.ContentPage"]
    template = "pages/commune_home_page.html"

    class Meta:
        verbose_name = _("commune home page")
        verbose_name_plural = _("commune home pages")
