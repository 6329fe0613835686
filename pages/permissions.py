"""Who may see and change rubrics and search synonyms: editors of their collectivity."""

from django.db.models import Model, QuerySet
from wagtail.permission_policies import ModelPermissionPolicy

from commune_sites.selectors import collectivities_edited_by

_CACHE_ATTR = "_pages_edited_collectivity_ids"


def edited_collectivity_ids(user) -> frozenset[int]:
    """Ids of the collectivities the user edits, cached on the user object for the request."""
    try:
        return getattr(user, _CACHE_ATTR)
    except AttributeError:
        ids = frozenset(collectivities_edited_by(user).values_list("pk", flat=True))
        setattr(user, _CACHE_ATTR, ids)
        return ids


def user_edits_collectivity(user, collectivity_id: int | None) -> bool:
    return collectivity_id is not None and collectivity_id in edited_collectivity_ids(user)


class CollectivityScopedPermissionPolicy(ModelPermissionPolicy):
    """Model permissions (given to editors groups), restricted to the user's collectivities."""

    def user_has_permission_for_instance(self, user, action: str, instance: Model) -> bool:
        return self.user_has_permission(user, action) and user_edits_collectivity(
            user, instance.collectivity_id
        )

    def instances_user_has_any_permission_for(self, user, actions) -> QuerySet:
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.model._default_manager.filter(collectivity_id__in=edited_collectivity_ids(user))
