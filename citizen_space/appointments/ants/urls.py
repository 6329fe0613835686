"""The ANTS editor endpoints, at the paths the national search site is given (under /ants/)."""

from django.urls import path

from . import views

app_name = "ants"

urlpatterns = [
    path("getManagedMeetingPoints", views.managed_meeting_points, name="managed_meeting_points"),
    path("availableTimeSlots", views.available_time_slots, name="available_time_slots"),
    path("searchApplicationIds", views.search_application_ids, name="search_application_ids"),
]
