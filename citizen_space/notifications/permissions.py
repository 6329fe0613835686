"""Who configures a collectivity's push webhook: its editors, and superusers."""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from wagtail.permission_policies.base import BasePermissionPolicy

from commune_sites.permissions import user_can_edit_collectivity
from commune_sites.selectors import collectivities_edited_by

from .models import PushWebhook


def webhooks_managed_by(user) -> QuerySet[PushWebhook]:
    return PushWebhook.objects.filter(collectivity__in=collectivities_edited_by(user))


class PushWebhookPermissionPolicy(BasePermissionPolicy):
    def __init__(self):
        super().__init__(PushWebhook)

    def user_has_permission(self, user, action):
        return collectivities_edited_by(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return user_can_edit_collectivity(user, instance.collectivity)

    def instances_user_has_any_permission_for(self, user, actions):
        return webhooks_managed_by(user)

    def users_with_any_permission(self, actions):
        query = Q(is_superuser=True) | Q(groups__edited_collectivity__isnull=False)
        return get_user_model().objects.filter(query, is_active=True).distinct()
