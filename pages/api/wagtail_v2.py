"""Wagtail's API v2 (`/api/v2/`): pages, images and documents, each site seeing its own.

Pages are those of the site serving the request (Wagtail's default), and the `site` parameter,
which would show another site's pages, is refused. Images and documents are those of the
collection of the collectivity serving the request; the portal directory shows those of no
collectivity.
"""

from django.db.models import QuerySet
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection

from commune_sites.models import Collectivity
from commune_sites.selectors import collectivity_for_request


class SitePagesAPIViewSet(PagesAPIViewSet):
    known_query_parameters = PagesAPIViewSet.known_query_parameters - {"site"}


class SiteCollectionMixin:
    """Limits images or documents to the collection of the collectivity serving the request."""

    def get_queryset(self) -> QuerySet:
        queryset = super().get_queryset()
        collectivity = collectivity_for_request(self.request)
        if collectivity is None:
            owned = Collectivity.objects.filter(collection__isnull=False).values("collection")
            return queryset.exclude(collection__in=owned)
        if collectivity.collection_id is None:
            return queryset.none()
        collection = Collection.objects.get(pk=collectivity.collection_id)
        return queryset.filter(collection__in=collection.get_descendants(inclusive=True))


class SiteImagesAPIViewSet(SiteCollectionMixin, ImagesAPIViewSet):
    pass


class SiteDocumentsAPIViewSet(SiteCollectionMixin, DocumentsAPIViewSet):
    pass


wagtail_api_router = WagtailAPIRouter("wagtailapi")
wagtail_api_router.register_endpoint("pages", SitePagesAPIViewSet)
wagtail_api_router.register_endpoint("images", SiteImagesAPIViewSet)
wagtail_api_router.register_endpoint("documents", SiteDocumentsAPIViewSet)
