from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StatisticsConfig(AppConfig):
    name = "citizen_space.statistics"
    label = "statistics"
    verbose_name = _("Statistics")

    def ready(self):
        from django.db.backends.signals import connection_created

        from .aggregates import sqlite_median_register

        connection_created.connect(sqlite_median_register)
