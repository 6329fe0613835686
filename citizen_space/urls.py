"""URLs of "Mon espace" and of the request flow (mounted at /mon-espace/)."""

from django.urls import include, path

from .views import account, actions, consent, conversation, files, flow, space

app_name = "citizen_space"

urlpatterns = [
    path("", space.home, name="home"),
    path("profil/", space.profile_edit, name="profile"),
    path("demarches/<int:procedure_id>/demande/", flow.request_start, name="request_start"),
    path("brouillons/<int:pk>/", flow.draft_resume, name="draft_resume"),
    path("brouillons/<int:pk>/etapes/<int:step>/", flow.draft_step, name="draft_step"),
    path("brouillons/<int:pk>/recapitulatif/", flow.draft_review, name="draft_review"),
    path("brouillons/<int:pk>/envoi/", flow.draft_submit, name="draft_submit"),
    path("demandes/<int:pk>/", space.request_detail, name="request_detail"),
    path("demandes/<int:pk>/messages/", conversation.message_send, name="message_send"),
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
    path("rendez-vous/", include("citizen_space.appointments.urls")),
    path("actions/", actions.action_list, name="actions"),
    path("actions/<int:pk>/", actions.action_answer, name="action_answer"),
    path("partage/", consent.consent_list, name="consents"),
    path(
        "partage/<int:collectivity_id>/retrait/",
        consent.consent_withdraw_view,
        name="consent_withdraw",
    ),
    path("partage/<int:collectivity_id>/accord/", consent.consent_grant_view, name="consent_grant"),
    path("notifications/", account.notifications, name="notifications"),
    path("compte/", account.account, name="account"),
    path("compte/adresse/", account.email_change, name="email_change"),
    path(
        "compte/adresse/<str:token>/",
        account.email_change_confirm_view,
        name="email_change_confirm",
    ),
    path("compte/mes-donnees.zip", account.data_download, name="data_download"),
    path("compte/suppression/", account.delete, name="account_delete"),
    path("compte/supprime/", account.deleted, name="account_deleted"),
]
