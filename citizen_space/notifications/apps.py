from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "citizen_space.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self):
        # Action requests and messages (citizen_space.services) tell their events here.
        from . import listeners  # noqa: F401
