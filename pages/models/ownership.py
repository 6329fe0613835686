"""Pages that belong to the collectivity of the home page above them."""

from django.apps import apps
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .home import CommuneHomePage
from .serving import ServedInFewerQueriesMixin


class CollectivityOwnedPage(ServedInFewerQueriesMixin, Page):
    """A page whose `collectivity` is copied from the commune home page above it.

    Stored so that listings filter by collectivity without walking the tree; kept in step
    by `full_clean()`, which Wagtail runs on every save of a page (create, publish), and by
    `pages.services.page_collectivity_sync()` after a move.
    """

    collectivity = models.ForeignKey(
        "commune_sites.Collectivity",
        verbose_name=_("collectivity"),
        null=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        if self.path:  # Not yet placed in the tree: the admin validates before adding it.
            home = CommuneHomePage.objects.ancestor_of(self).values("collectivity_id").first()
            self.collectivity_id = home["collectivity_id"] if home else None
        super().full_clean(*args, **kwargs)


def owned_page_models() -> list[type[CollectivityOwnedPage]]:
    return [model for model in apps.get_models() if issubclass(model, CollectivityOwnedPage)]
