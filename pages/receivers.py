"""Keeping derived data in step with changes: owning collectivity, cached public reads.

Connected in `PagesConfig.ready()`; each receiver calls a service.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from commune_sites.models import Collectivity

from .cache import content_changed
from .models import Rubric, SearchSynonym
from .services import page_collectivity_sync

# Besides the pages (any type: a deleted live page is unpublished first), what the cached
# header links, catalogue listings and whole pages show.
CACHED_MODELS = (Rubric, SearchSynonym, Collectivity, Site)


def forget_cached_reads(sender, **kwargs):
    content_changed()


def sync_collectivity(sender, instance, **kwargs):
    page_collectivity_sync(page=instance)
    content_changed()


def connect() -> None:
    # Moving a page (any type) may bring owned pages under another collectivity's home.
    post_page_move.connect(sync_collectivity, dispatch_uid="pages-collectivity-sync")
    for signal in (page_published, page_unpublished):
        signal.connect(forget_cached_reads, dispatch_uid="pages-cache")
    for model in (*CACHED_MODELS, get_image_model(), get_document_model()):
        for signal in (post_save, post_delete):
            signal.connect(forget_cached_reads, sender=model, dispatch_uid="pages-cache")
