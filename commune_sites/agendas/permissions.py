"""Who manages which agendas: the agents and editors of their collectivity, and superusers."""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from wagtail.permission_policies.base import BasePermissionPolicy

from commune_sites.models import Collectivity
from commune_sites.selectors import collectivities_edited_by, collectivities_served_by

from .models import Agenda


def collectivities_with_agendas_managed_by(user) -> QuerySet[Collectivity]:
    """Collectivities whose agendas the user edits (superuser: all)."""
    served = collectivities_served_by(user).values("pk")
    edited = collectivities_edited_by(user).values("pk")
    return Collectivity.objects.filter(Q(pk__in=served) | Q(pk__in=edited))


def agendas_managed_by(user) -> QuerySet[Agenda]:
    return Agenda.objects.filter(collectivity__in=collectivities_with_agendas_managed_by(user))


def user_can_manage_agenda(user, agenda: Agenda) -> bool:
    return collectivities_with_agendas_managed_by(user).filter(pk=agenda.collectivity_id).exists()


class AgendaPermissionPolicy(BasePermissionPolicy):
    """Wagtail admin: every action on an agenda is for those who manage its collectivity's."""

    def __init__(self):
        super().__init__(Agenda)

    def user_has_permission(self, user, action):
        return collectivities_with_agendas_managed_by(user).exists()

    def user_has_permission_for_instance(self, user, action, instance):
        return user_can_manage_agenda(user, instance)

    def instances_user_has_any_permission_for(self, user, actions):
        return agendas_managed_by(user)

    def users_with_any_permission(self, actions):
        query = (
            Q(is_superuser=True)
            | Q(groups__served_collectivity__isnull=False)
            | Q(groups__edited_collectivity__isnull=False)
        )
        return get_user_model().objects.filter(query, is_active=True).distinct()
