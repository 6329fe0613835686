"""Who may do what with a collectivity; used by views, admin views and APIs of every app."""

from django.contrib.auth import get_user_model
from django.db.models import Q
from wagtail.permission_policies.base import BasePermissionPolicy

from .models import Collectivity
from .selectors import collectivities_edited_by, collectivities_retention_managed_by


def _is_active(user) -> bool:
    return user.is_authenticated and user.is_active


def user_can_create_collectivity(user) -> bool:
    """Only superusers provision collectivities."""
    return _is_active(user) and user.is_superuser


def user_is_editor(user) -> bool:
    """Whether the user edits at least one collectivity."""
    return collectivities_edited_by(user).exists()


def user_can_edit_collectivity(user, collectivity: Collectivity) -> bool:
    """Editors of that collectivity (and superusers) edit its pages, rubrics and images."""
    return _in_group_of(user, collectivity.editors_group_id)


def user_can_serve_collectivity(user, collectivity: Collectivity) -> bool:
    """Agents of that collectivity (and superusers) process its requests."""
    return _in_group_of(user, collectivity.agents_group_id)


def user_can_change_retention(user, collectivity: Collectivity) -> bool:
    """Holders of `change_retention` among that collectivity's agents or editors (and
    superusers) set how long its requests are kept."""
    return collectivities_retention_managed_by(user).filter(pk=collectivity.pk).exists()


def _in_group_of(user, group_id: int | None) -> bool:
    if not _is_active(user):
        return False
    if user.is_superuser:
        return True
    return group_id is not None and user.groups.filter(pk=group_id).exists()


class CollectivityPermissionPolicy(BasePermissionPolicy):
    """Wagtail admin: superusers do everything; editors change their own collectivities."""

    def __init__(self):
        super().__init__(Collectivity)

    def user_has_permission(self, user, action):
        if action == "change":
            return user_is_editor(user)
        return user_can_create_collectivity(user)

    def user_has_permission_for_instance(self, user, action, instance):
        if action == "change":
            return user_can_edit_collectivity(user, instance)
        return user_can_create_collectivity(user)

    def instances_user_has_any_permission_for(self, user, actions):
        if "change" in actions:
            return collectivities_edited_by(user)
        if user_can_create_collectivity(user):
            return Collectivity.objects.all()
        return Collectivity.objects.none()

    def users_with_any_permission(self, actions):
        query = Q(is_superuser=True)
        if "change" in actions:
            query |= Q(groups__edited_collectivity__isnull=False)
        return get_user_model().objects.filter(query, is_active=True).distinct()
