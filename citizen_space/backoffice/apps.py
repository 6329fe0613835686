from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BackofficeConfig(AppConfig):
    name = "citizen_space.backoffice"
    label = "backoffice"
    verbose_name = _("Back office")

    def ready(self):
        from commune_sites.registry import register_agent_permissions

        from .permissions import EXPORT, PROCESS

        # Reopening a decided request is for the groups an administrator gives REOPEN to.
        register_agent_permissions("wagtailadmin.access_admin", PROCESS, EXPORT)
