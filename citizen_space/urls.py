"""URLs of "Mon espace" and of the request flow (mounted at /mon-espace/)."""

from django.urls import path

from .views import files, flow, space

app_name = "citizen_space"

urlpatterns = [
    path("", space.home, name="home"),
    path("profil/", space.profile_edit, name="profile"),
    path("demarches/<int:procedure_id>/demande/", flow.request_start, name="request_start"),
    path("brouillons/<int:pk>/", flow.draft_resume, name="draft_resume"),
    path("brouillons/<int:pk>/etapes/<int:step>/", flow.draft_step, name="draft_step"),
    path("brouillons/<int:pk>/recapitulatif/", flow.draft_review, name="draft_review"),
    path("brouillons/<int:pk>/envoi/", flow.draft_submit, name="draft_submit"),
    path(
        "demandes/<int:pk>/confirmation/",
        flow.submission_confirmation,
        name="submission_confirmation",
    ),
    path(
        "demandes/<int:pk>/accuse-de-reception.pdf",
        files.receipt_download,
        name="submission_receipt",
    ),
    path("fichiers/<uuid:upload_id>/", files.upload_download, name="upload_download"),
]
