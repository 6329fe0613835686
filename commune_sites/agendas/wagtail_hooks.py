"""Wagtail admin registration: the agendas menu and their permission policy."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import Agenda
from .permissions import AgendaPermissionPolicy
from .views import AgendaViewSet

# Registered before anything asks for Agenda's policy (else Wagtail creates a fallback).
register_permission_policy(Agenda, AgendaPermissionPolicy())


@hooks.register("register_admin_viewset")
def register_agenda_viewset():
    return AgendaViewSet("agendas")
