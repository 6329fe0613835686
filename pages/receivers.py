"""Keeping derived data in step with changes: owning collectivity, cached public reads.

Connected in `PagesConfig.ready()`; each receiver calls a service.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from commune_sites.models import Collectivity

from .cache import content_changed
from .models import CataloguePage, FaqPage, ProcedurePage, Rubric, SearchSynonym
from .services import page_collectivity_sync

# What the cached header links and catalogue listings are made of.
CACHED_PAGES = (CataloguePage, FaqPage, ProcedurePage)
CACHED_MODELS = (Rubric, SearchSynonym, Collectivity)


def forget_cached_reads(sender, **kwargs):
    content_changed()


def sync_collectivity(sender, instance, **kwargs):
    page_collectivity_sync(page=instance)
    content_changed()


def connect() -> None:
    # Moving a page (any type) may bring owned pages under another collectivity's home.
    post_page_move.connect(sync_collectivity, dispatch_uid="pages-collectivity-sync")
    for model in CACHED_PAGES:
        for signal in (page_published, page_unpublished, post_delete):
            signal.connect(forget_cached_reads, sender=model, dispatch_uid="pages-cache")
    for model in CACHED_MODELS:
        for signal in (post_save, post_delete):
            signal.connect(forget_cached_reads, sender=model, dispatch_uid="pages-cache")
