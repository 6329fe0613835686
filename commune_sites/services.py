"""Writes on collectivities: provisioning (site, page tree, groups, permissions) and updates."""

import logging

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.core.exceptions import ImproperlyConfigured
from django.db import transaction
from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log
from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Site

from .models import Collectivity
from .normalize import slug_from_name
from .registry import get_agent_permissions, get_editor_permissions, get_tree_builder

logger = logging.getLogger(__name__)

EDITORS_GROUP_NAME = _("%(name)s – editors")
AGENTS_GROUP_NAME = _("%(name)s – agents")

CONTACT_FIELDS = frozenset(
    {"address", "phone", "email", "opening_hours", "website", "logo", "custom_hostname"}
)
# What an editors group may do in its collectivity's page tree (no moderation workflow).
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
# ... and in its collectivity's image and document collection.
EDITOR_COLLECTION_PERMISSIONS = tuple(
    f"{app_label}.{action}_{model}"
    for app_label, model in (("wagtailimages", "image"), ("wagtaildocs", "document"))
    for action in ("add", "change", "choose", "delete")
)
EDITOR_BASE_PERMISSIONS = ("wagtailadmin.access_admin",)


def site_port() -> int:
    """PORTAL_PORT when the portal domain has one, else the scheme's default port."""
    if settings.PORTAL_PORT:
        return settings.PORTAL_PORT
    return 443 if settings.PORTAL_SCHEME == "https" else 80


def site_hostname(collectivity: Collectivity) -> str:
    return collectivity.custom_hostname or f"{collectivity.slug}.{settings.PORTAL_HOSTNAME}"


@transaction.atomic
def collectivity_provision(
    *,
    kind: str,
    name: str,
    code: str,
    slug: str | None = None,
    postal_codes: str = "",
    intercommunality: Collectivity | None = None,
    **contact,
) -> Collectivity:
    """Create a collectivity with its Site, page tree, groups, permissions and collection.

    Idempotent: for an existing official code, return that collectivity after re-creating
    whatever part is missing (its other fields are left as they are).
    Raises ValidationError on invalid data, ImproperlyConfigured without a tree builder.
    """
    unknown = set(contact) - CONTACT_FIELDS
    if unknown:
        raise TypeError(f"Unexpected collectivity fields: {', '.join(sorted(unknown))}")
    collectivity = (
        Collectivity.objects.select_for_update().filter(code=code.strip().upper()).first()
    )
    if collectivity is not None:
        logger.info("%s (%s) exists: completing what is missing.", collectivity, collectivity.code)
    else:
        collectivity = Collectivity(
            kind=kind,
            name=name,
            code=code,
            slug=slug or slug_from_name(name),
            postal_codes=postal_codes,
            intercommunality=intercommunality,
            **contact,
        )
        collectivity.full_clean()
        collectivity.save()
    _ensure_site(collectivity)
    _ensure_groups(collectivity)
    _ensure_collection(collectivity)
    _grant_editor_permissions(collectivity)
    collectivity.agents_group.permissions.add(*_permissions(get_agent_permissions()))
    collectivity.save(update_fields=["site", "editors_group", "agents_group", "collection"])
    return collectivity


@transaction.atomic
def collectivity_update(*, collectivity: Collectivity, **fields) -> Collectivity:
    """Change fields (for example `custom_hostname`), validate, save and keep the Site in step.

    A custom host name must also be listed in the ALLOWED_HOSTS setting to be served.
    """
    for field, value in fields.items():
        setattr(collectivity, field, value)
    collectivity.full_clean()
    collectivity.save()
    collectivity_site_sync(collectivity=collectivity)
    return collectivity


@transaction.atomic
def collectivity_retention_set(*, collectivity: Collectivity, months: int, user) -> Collectivity:
    """Set how many months the collectivity keeps its requests once closed (ValidationError
    outside the bounds); the change is written in the collectivity's history."""
    collectivity = collectivity_update(collectivity=collectivity, retention_months=months)
    log(instance=collectivity, action="wagtail.edit", user=user)
    return collectivity


def collectivity_site_sync(*, collectivity: Collectivity) -> None:
    """Give the collectivity's Site its current host name, port and name."""
    site = collectivity.site
    if site is None:
        return
    wanted = {
        "hostname": site_hostname(collectivity),
        "port": site_port(),
        "site_name": collectivity.name,
    }
    if any(getattr(site, field) != value for field, value in wanted.items()):
        for field, value in wanted.items():
            setattr(site, field, value)
        site.full_clean()
        site.save()


def _ensure_site(collectivity: Collectivity) -> None:
    if collectivity.site_id:
        return
    root_page = get_tree_builder()(collectivity)
    site = Site(
        hostname=site_hostname(collectivity),
        port=site_port(),
        site_name=collectivity.name,
        root_page=root_page,
    )
    site.full_clean()
    site.save()
    collectivity.site = site


def _ensure_groups(collectivity: Collectivity) -> None:
    if collectivity.editors_group_id is None:
        collectivity.editors_group = _new_group(collectivity, EDITORS_GROUP_NAME)
    if collectivity.agents_group_id is None:
        collectivity.agents_group = _new_group(collectivity, AGENTS_GROUP_NAME)


def _new_group(collectivity: Collectivity, template) -> Group:
    """A group named in the portal's language; homonymous communes are told apart by code."""
    with translation.override(settings.LANGUAGE_CODE):
        name = str(template) % {"name": collectivity.name}
        if Group.objects.filter(name=name).exists():
            name = str(template) % {"name": f"{collectivity.name} ({collectivity.code})"}
    return Group.objects.create(name=name[:150])


def _ensure_collection(collectivity: Collectivity) -> None:
    if collectivity.collection_id:
        return
    root = Collection.get_first_root_node()
    name = collectivity.name
    if root.get_children().filter(name=name).exists():
        name = f"{collectivity.name} ({collectivity.code})"
    collectivity.collection = root.add_child(name=name)


def _grant_editor_permissions(collectivity: Collectivity) -> None:
    group = collectivity.editors_group
    group.permissions.add(*_permissions(EDITOR_BASE_PERMISSIONS + get_editor_permissions()))
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore",
        content_type__model="page",
        codename__in=EDITOR_PAGE_PERMISSIONS,
    ):
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=collectivity.site.root_page_id, permission=permission
        )
    for permission in _permissions(EDITOR_COLLECTION_PERMISSIONS):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collectivity.collection, permission=permission
        )


def _permissions(perms: tuple[str, ...]) -> list[Permission]:
    """Permission rows for "app_label.codename" strings; all of them must exist."""
    pairs = [perm.split(".", 1) for perm in perms]
    query = Q(pk__in=[])
    for app_label, codename in pairs:
        query |= Q(content_type__app_label=app_label, codename=codename)
    found = list(Permission.objects.filter(query).select_related("content_type"))
    missing = set(perms) - {f"{p.content_type.app_label}.{p.codename}" for p in found}
    if missing:
        raise ImproperlyConfigured(
            f"Unknown permissions for collectivity groups: {', '.join(sorted(missing))} "
            "(are the apps installed and migrated?)."
        )
    return found
