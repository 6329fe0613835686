"""URLs of "Mon espace" and of the request flow."""

from django.urls import path

from . import views

app_name = "citizen_space"

urlpatterns = [
    path("demarches/<int:procedure_id>/demande/", views.request_start, name="request_start"),
]
