"""Public open data (mounted at /donnees-ouvertes/, without language prefix)."""

from django.urls import path

from . import open_data

app_name = "open_data"

urlpatterns = [
    path("demandes.csv", open_data.requests_csv, name="requests_csv"),
]
