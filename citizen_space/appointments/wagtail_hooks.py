"""Wagtail admin: the agents' appointment views and their menu item."""

from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from commune_sites.agendas.permissions import collectivities_with_agendas_managed_by


class AppointmentsMenuItem(MenuItem):
    def is_shown(self, request):
        return collectivities_with_agendas_managed_by(request.user).exists()


@hooks.register("register_admin_urls")
def register_admin_urls():
    return [path("appointments/", include("citizen_space.appointments.admin_urls"))]


@hooks.register("register_admin_menu_item")
def register_menu_item():
    return AppointmentsMenuItem(
        _("Appointments"),
        reverse("appointments_admin:agendas"),
        icon_name="calendar-alt",
        order=261,
    )
