"""Wagtail admin registration: the requests menu (inbox) and its permission policy."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import ReceivedRequest
from .permissions import ReceivedRequestPermissionPolicy
from .views import URL_NAMESPACE
from .viewsets import ReceivedRequestViewSet

# Registered before anything asks for the model's policy (else Wagtail creates a fallback).
register_permission_policy(ReceivedRequest, ReceivedRequestPermissionPolicy())


@hooks.register("register_admin_viewset")
def register_received_request_viewset():
    return ReceivedRequestViewSet(URL_NAMESPACE)
