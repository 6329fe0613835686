"""Admin URLs of the appointments (under /admin/appointments/)."""

from django.urls import path

from .views import agents

app_name = "appointments_admin"

urlpatterns = [
    path("", agents.AgendaListView.as_view(), name="agendas"),
    path(
        "<int:agenda_id>/<str:period>/<str:day>/",
        agents.ScheduleView.as_view(),
        name="schedule",
    ),
    path("<int:agenda_id>/close/", agents.CloseRangeView.as_view(), name="close"),
    path("bookings/<int:booking_id>/no-show/", agents.no_show, name="no_show"),
]
