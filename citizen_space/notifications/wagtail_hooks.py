"""Wagtail admin registration: the push webhooks (settings menu) and their permission policy."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import PushWebhook
from .permissions import PushWebhookPermissionPolicy
from .views import PushWebhookViewSet

# Registered before anything asks for the model's policy (else Wagtail creates a fallback).
register_permission_policy(PushWebhook, PushWebhookPermissionPolicy())


@hooks.register("register_admin_viewset")
def register_push_webhook_viewset():
    return PushWebhookViewSet("push_webhooks")
