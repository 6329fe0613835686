"""Wagtail admin registration: the collectivities menu and its permission policy."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import Collectivity
from .permissions import CollectivityPermissionPolicy
from .views import CollectivityViewSet

# Registered before anything asks for Collectivity's policy (else Wagtail creates a fallback).
register_permission_policy(Collectivity, CollectivityPermissionPolicy())


@hooks.register("register_admin_viewset")
def register_collectivity_viewset():
    return CollectivityViewSet("collectivities")
