"""Writes on the portal pages: building a collectivity's page tree, the portal directory."""

import logging

from django.conf import settings
from django.db import transaction
from wagtail.models import Page, Site

from commune_sites.models import Collectivity
from commune_sites.services import site_port

from . import defaults
from .models import (
    CataloguePage,
    CommuneHomePage,
    FaqPage,
    PortalDirectoryPage,
    Rubric,
    SearchSynonym,
)
from .models.ownership import owned_page_models

logger = logging.getLogger(__name__)

# Model permissions that every collectivity's editors group receives.
EDITOR_PERMISSIONS = tuple(
    f"pages.{action}_{model}"
    for model in ("rubric", "searchsynonym")
    for action in ("add", "change", "delete", "view")
)

DIRECTORY_TITLE = "Portail citoyen"
DIRECTORY_INTRODUCTION = (
    "<p>Retrouvez le portail de démarches en ligne de votre commune : recherchez-la par son nom "
    "ou par son code postal.</p>"
)


@transaction.atomic
def collectivity_tree_build(collectivity: Collectivity) -> CommuneHomePage:
    """Create and publish the home page of a collectivity with its FAQ and catalogue.

    Also seeds the default rubrics and search synonyms. The tree builder of
    `commune_sites.registry`: it returns the home page, which becomes the root of the Site.
    """
    home = _publish_child(
        Page.get_first_root_node(),
        CommuneHomePage(
            title=collectivity.name,
            slug=collectivity.slug,
            collectivity=collectivity,
            welcome_title=defaults.HOME_WELCOME_TITLE,
            welcome_text=defaults.HOME_WELCOME_TEXT,
            body=defaults.home_sections(),
        ),
    )
    _publish_child(home, CataloguePage(title="Démarches en ligne", slug="demarches"))
    _publish_child(
        home, FaqPage(title="Questions fréquentes", slug="faq", body=defaults.faq_sections())
    )
    rubrics_seed(collectivity=collectivity)
    synonyms_seed(collectivity=collectivity)
    return home


def rubrics_seed(*, collectivity: Collectivity) -> None:
    """Create the default rubrics the collectivity does not have yet (by slug)."""
    existing = set(collectivity.rubrics.values_list("slug", flat=True))
    for order, (slug, name, description, icon) in enumerate(defaults.RUBRICS):
        if slug in existing:
            logger.info("Rubric %s of %s exists: skipped.", slug, collectivity)
            continue
        rubric = Rubric(
            collectivity=collectivity,
            slug=slug,
            name=name,
            description=description,
            icon=icon,
            sort_order=order,
        )
        rubric.full_clean()
        rubric.save()


def synonyms_seed(*, collectivity: Collectivity) -> None:
    """Create the common search synonyms the collectivity does not have yet (by term)."""
    existing = set(collectivity.search_synonyms.values_list("term", flat=True))
    for term, expansions, two_way in defaults.SYNONYMS:
        if term in existing:
            continue
        synonym = SearchSynonym(
            collectivity=collectivity,
            term=term,
            expansions="\n".join(expansions),
            two_way=two_way,
        )
        synonym.full_clean()
        synonym.save()


@transaction.atomic
def portal_directory_ensure() -> PortalDirectoryPage:
    """Make the portal directory the root of the default Site, on PORTAL_DOMAIN. Idempotent."""
    directory = PortalDirectoryPage.objects.order_by("path").first()
    if directory is None:
        directory = _publish_child(
            Page.get_first_root_node(),
            PortalDirectoryPage(
                title=DIRECTORY_TITLE, slug="annuaire", introduction=DIRECTORY_INTRODUCTION
            ),
        )
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    wanted = {
        "hostname": settings.PORTAL_HOSTNAME,
        "port": site_port(),
        "site_name": DIRECTORY_TITLE,
        "root_page_id": directory.pk,
    }
    if site.pk is None or any(getattr(site, key) != value for key, value in wanted.items()):
        for key, value in wanted.items():
            setattr(site, key, value)
        site.save()
    return directory


def page_collectivity_sync(*, page: Page) -> None:
    """After a move, give the moved pages the collectivity of the home page now above them."""
    home = CommuneHomePage.objects.ancestor_of(page, inclusive=True).values("collectivity_id")
    collectivity_id = home[0]["collectivity_id"] if home else None
    for model in owned_page_models():
        model.objects.descendant_of(page, inclusive=True).exclude(
            collectivity_id=collectivity_id
        ).update(collectivity_id=collectivity_id)


def _publish_child(parent: Page, page: Page) -> Page:
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page
