"""Wagtail admin registration: the collectivities menu and its permission policy, and the
retention periods' views and permission."""

from django.contrib.auth.models import Permission
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy

from .models import Collectivity
from .permissions import CollectivityPermissionPolicy
from .retention_views import URL_NAMESPACE
from .selectors import collectivities_retention_managed_by
from .views import CollectivityViewSet

# Registered before anything asks for Collectivity's policy (else Wagtail creates a fallback).
register_permission_policy(Collectivity, CollectivityPermissionPolicy())


@hooks.register("register_admin_viewset")
def register_collectivity_viewset():
    return CollectivityViewSet("collectivities")


class RetentionMenuItem(MenuItem):
    def is_shown(self, request):
        return collectivities_retention_managed_by(request.user).exists()


@hooks.register("register_admin_urls")
def register_retention_urls():
    return [path("conservation/", include("commune_sites.retention_urls"))]


@hooks.register("register_settings_menu_item")
def register_retention_menu_item():
    return RetentionMenuItem(
        _("Retention of requests"), reverse(f"{URL_NAMESPACE}:index"), icon_name="time", order=600
    )


@hooks.register("register_permissions")
def register_retention_permission():
    """Offered in the group editor: administrators give it to the groups that set the period."""
    return Permission.objects.filter(
        content_type__app_label="commune_sites", codename="change_retention"
    )
