"""Wagtail admin for push webhooks: each editor sets up those of their collectivities."""

from django.contrib.auth.models import Permission
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from commune_sites.selectors import collectivities_edited_by

from .models import PushWebhook
from .permissions import webhooks_managed_by


class PushWebhookForm(WagtailAdminModelForm):
    """Offers only the collectivities the user edits."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "collectivity" in self.fields:
            self.fields["collectivity"].queryset = collectivities_edited_by(self.for_user)


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return webhooks_managed_by(self.request.user).select_related("collectivity")


class EditView(generic.EditView):
    def get_queryset(self):
        return webhooks_managed_by(self.request.user)


class DeleteView(generic.DeleteView):
    def get_queryset(self):
        return webhooks_managed_by(self.request.user)


class PushWebhookViewSet(ModelViewSet):
    model = PushWebhook
    icon = "mobile-alt"
    menu_label = _("Mobile app")
    add_to_settings_menu = True
    copy_view_enabled = False
    index_view_class = IndexView
    edit_view_class = EditView
    delete_view_class = DeleteView
    list_display = ["collectivity", "url", "active"]
    edit_handler = ObjectList(
        [FieldPanel("collectivity"), FieldPanel("url"), FieldPanel("secret"), FieldPanel("active")],
        base_form_class=PushWebhookForm,
    )

    def get_permissions_to_register(self):
        # Access follows the collectivity's editors group (permissions.PushWebhookPermissionPolicy).
        return Permission.objects.none()
