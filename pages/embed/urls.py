"""URLs of the embed widget (mounted at /integration/)."""

from django.urls import path

from . import views

app_name = "embed"

urlpatterns = [
    path("", views.integration, name="integration"),
    path("embed.js", views.script, name="script"),
    path("demarches/", views.procedures_frame, name="procedures_frame"),
    path("demarches/fragment/", views.procedures_fragment, name="procedures_fragment"),
    path("demarches/<int:procedure_id>/bouton/", views.button_frame, name="button_frame"),
    path(
        "demarches/<int:procedure_id>/bouton/fragment/",
        views.button_fragment,
        name="button_fragment",
    ),
]
