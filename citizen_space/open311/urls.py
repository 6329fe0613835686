"""Open311 GeoReport v2 (mounted at /open311/v2/), in JSON."""

from django.urls import path

from . import views

app_name = "open311"

urlpatterns = [
    path("services.json", views.service_list, name="services"),
    path("services/<str:service_code>.json", views.service_definition, name="service"),
    path("requests.json", views.request_create, name="requests"),
    path("requests/<str:service_request_id>.json", views.request_status, name="request"),
]
