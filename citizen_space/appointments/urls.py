"""URLs of the citizen's appointments (under "My space": /mon-espace/rendez-vous/)."""

from django.urls import path

from .views import citizen

app_name = "appointments"

urlpatterns = [
    path("<int:pk>/", citizen.appointment_detail, name="detail"),
    path("<int:pk>/deplacer/", citizen.appointment_move, name="move"),
    path("<int:pk>/annuler/", citizen.appointment_cancel, name="cancel"),
    path("<int:pk>/rendez-vous.ics", citizen.appointment_calendar_file, name="ics"),
    path("ants/<int:meeting_point_id>/", citizen.ants_booking_start, name="ants_start"),
]
