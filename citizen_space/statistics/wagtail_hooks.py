"""Wagtail admin: the "Statistics" menu item and its pages."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from commune_sites.selectors import collectivities_staffed_by

from .views import URL_NAMESPACE


class StatisticsMenuItem(MenuItem):
    def is_shown(self, request):
        return collectivities_staffed_by(request.user).exists()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("statistics/", include("citizen_space.statistics.admin_urls"))]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return StatisticsMenuItem(
        _("Statistics"), reverse(f"{URL_NAMESPACE}:chooser"), icon_name="table", order=270
    )
