from django.apps import AppConfig


class PortalConfig(AppConfig):
    """The project itself: demo commands, base templates and static files."""

    name = "portal"
    verbose_name = "Portail citoyen"
