"""The back office's URLs in the Wagtail admin, under /admin/demandes/."""

from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.viewsets.model import ModelViewSet

from . import views
from .models import ReceivedRequest


class ReceivedRequestViewSet(ModelViewSet):
    """The inbox (a Wagtail listing) and the request pages; no add, edit or delete views."""

    model = ReceivedRequest
    url_prefix = "demandes"
    icon = "tasks"
    menu_label = _("Requests")
    add_to_admin_menu = True
    menu_order = 150
    index_view_class = views.InboxView
    # Searched in the database (reference, name given in the answers), not a search index.
    search_fields = ["reference", "applicant_name"]
    search_backend_name = None
    add_to_reference_index = False

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("export/", views.export, name="export"),
            path("<int:pk>/", views.RequestView.as_view(), name="detail"),
            path("<int:pk>/statut/", views.TransitionView.as_view(), name="transition"),
            path("<int:pk>/attribution/", views.AssignmentView.as_view(), name="assign"),
            path("<int:pk>/notes/", views.InternalNoteView.as_view(), name="note"),
            path("<int:pk>/messages/", views.MessageView.as_view(), name="message"),
            path("<int:pk>/actions/", views.ActionRequestView.as_view(), name="action_request"),
            path("<int:pk>/fichiers/<uuid:upload_id>/", views.file_download, name="file"),
        ]

    def get_permissions_to_register(self):
        # The proxy's own permissions (process, export, reopen), not those of Submission.
        content_type = ContentType.objects.get_for_model(ReceivedRequest, for_concrete_model=False)
        return Permission.objects.filter(content_type=content_type)
