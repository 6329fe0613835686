"""Wagtail admin: the record of the retention runs, read-only (superusers, or groups given
"Can view anonymisation run")."""

from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet

from .models import AnonymisationRun


class AnonymisationRunViewSet(ModelViewSet):
    """The listing only: runs are written by the job, never by hand."""

    model = AnonymisationRun
    icon = "history"
    menu_label = _("Anonymisation runs")
    add_to_settings_menu = True
    menu_order = 610
    list_display = [
        "started_at",
        Column("duration", label=_("duration")),
        "dry_run",
        "requests_anonymised",
        "drafts_deleted",
        "files_deleted",
    ]
    list_filter = ["dry_run"]
    add_to_reference_index = False
    copy_view_enabled = False

    def get_common_view_kwargs(self, **kwargs):
        no_views = ("add", "edit", "delete", "history", "usage")
        return super().get_common_view_kwargs(
            **{**kwargs, **{f"{view}_url_name": None for view in no_views}}
        )

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
        ]


@hooks.register("register_admin_viewset")
def register_anonymisation_run_viewset():
    return AnonymisationRunViewSet("anonymisation_runs")
