"""Admin URLs of the retention periods (under /admin/conservation/)."""

from django.urls import path

from .retention_views import URL_NAMESPACE, RetentionEditView, RetentionListView

app_name = URL_NAMESPACE

urlpatterns = [
    path("", RetentionListView.as_view(), name="index"),
    path("<int:pk>/", RetentionEditView.as_view(), name="edit"),
]
