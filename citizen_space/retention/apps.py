from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RetentionConfig(AppConfig):
    name = "citizen_space.retention"
    label = "retention"
    verbose_name = _("Retention of requests")

    def ready(self):
        from django.db.backends.signals import connection_created

        from .sql import sqlite_functions_register

        connection_created.connect(sqlite_functions_register)
