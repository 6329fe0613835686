"""The catalogue of a collectivity's procedures, with search and rubric filters."""

from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from .. import cache
from ..filters import CatalogueFilters
from .ownership import CollectivityOwnedPage

INTERCOMMUNAL_ROUTE = "intercommunal_procedure"


class CataloguePage(RoutablePageMixin, CollectivityOwnedPage):
    """Lists the procedures of the collectivity and of its intercommunality.

    An intercommunality's procedure opens under this page's address
    (`intercommunalite/<id>/<slug>/`) so that the citizen stays on the commune's portal.
    """

    introduction = models.TextField(_("introduction"), blank=True)

    content_panels = [*CollectivityOwnedPage.content_panels, FieldPanel("introduction")]

    parent_page_types = ["pages.CommuneHomePage"]
    subpage_types = ["pages.ProcedurePage"]
    template = "pages/catalogue_page.html"

    class Meta:
        verbose_name = _("catalogue of procedures")
        verbose_name_plural = _("catalogues of procedures")

    # The routes import pages.selectors locally: it imports this models package.

    @path("")
    def listing(self, request):
        from ..selectors import catalogue_listing

        filters = CatalogueFilters.from_querydict(request.GET)
        return self.render(
            request,
            context_overrides={
                "filters": filters,
                "catalogue_url": self.get_url(request),
                # Computed only when the template's cached fragment is missing.
                "listing": SimpleLazyObject(
                    lambda: catalogue_listing(catalogue=self, filters=filters, request=request)
                ),
                "listing_cache": {"timeout": cache.TIMEOUT, "version": cache.version()},
            },
        )

    @path("intercommunalite/<int:page_id>/<slug:slug>/", name=INTERCOMMUNAL_ROUTE)
    def intercommunal_procedure(self, request, page_id: int, slug: str):
        from ..selectors import intercommunal_procedure

        procedure = intercommunal_procedure(catalogue=self, page_id=page_id)
        if procedure is None:
            raise Http404
        if slug != procedure.slug:
            return redirect(self.intercommunal_url(procedure, request), permanent=True)
        return procedure.serve(request)

    def intercommunal_url(self, procedure, request=None) -> str:
        route = self.reverse_subpage(INTERCOMMUNAL_ROUTE, args=(procedure.pk, procedure.slug))
        return self.get_url(request) + route
