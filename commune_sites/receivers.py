"""Keeping the cached portals of each host (`selectors.portals`) in step with their rows.

Connected in `CommuneSitesConfig.ready()`.
"""

from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Site

from .models import Collectivity
from .selectors import portals


def forget_portals(sender, **kwargs):
    portals.clear()


def connect() -> None:
    # Images: a collectivity's logo is read with it.
    for model in (Site, Collectivity, get_image_model()):
        for signal in (post_save, post_delete):
            signal.connect(forget_portals, sender=model, dispatch_uid="commune-sites-portals")
