"""Wagtail admin for collectivities: superusers provision them, editors keep theirs up to date."""

from django.contrib.auth.models import Permission
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.admin.views import generic
from wagtail.admin.views.generic import history, usage
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log

from .models import Collectivity
from .normalize import slug_from_name
from .selectors import collectivities_edited_by
from .services import collectivity_provision, collectivity_site_sync

# Superusers have every permission; editors are never given this one.
SUPERUSER_ONLY = "commune_sites.add_collectivity"


class CollectivityForm(WagtailAdminModelForm):
    """On creation the slug may be left empty: it is then made from the name."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "slug" in self.fields and self.instance._state.adding:
            self.fields["slug"].required = False
            self.fields["slug"].help_text = _(
                "Used in the portal address: <slug>.<portal domain>. Leave it empty to make it "
                "from the name, for example saint-etienne."
            )

    def clean(self):
        cleaned_data = super().clean()
        if "slug" in self.fields and not cleaned_data.get("slug") and cleaned_data.get("name"):
            cleaned_data["slug"] = slug_from_name(cleaned_data["name"])
        return cleaned_data


class IndexView(generic.IndexView):
    def get_base_queryset(self):
        return collectivities_edited_by(self.request.user).select_related("site")


class CreateView(generic.CreateView):
    def save_instance(self):
        """Provision (Site, page tree, groups) rather than only saving the row."""
        instance = self.form.instance
        collectivity = collectivity_provision(
            **{name: getattr(instance, name) for name in self.form.cleaned_data}
        )
        log(instance=collectivity, action="wagtail.create", user=self.request.user)
        return collectivity

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error.messages)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)


class EditView(generic.EditView):
    def get_queryset(self):
        return collectivities_edited_by(self.request.user)

    def save_instance(self):
        collectivity = super().save_instance()
        collectivity_site_sync(collectivity=collectivity)
        return collectivity


class DeleteView(generic.DeleteView):
    def get_queryset(self):
        return collectivities_edited_by(self.request.user)


class HistoryView(history.HistoryView):
    def get_base_object_queryset(self):
        return collectivities_edited_by(self.request.user)


class UsageView(usage.UsageView):
    def get_base_object_queryset(self):
        return collectivities_edited_by(self.request.user)


class CollectivityViewSet(ModelViewSet):
    """Listing and edit views show only the collectivities the user edits (others: 404)."""

    model = Collectivity
    icon = "site"
    menu_label = _("Collectivities")
    add_to_admin_menu = True
    menu_order = 250
    copy_view_enabled = False
    index_view_class = IndexView
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    history_view_class = HistoryView
    usage_view_class = UsageView
    list_display = ["name", "kind", "code", "site"]
    list_filter = ["kind"]
    search_fields = ["name", "code", "postal_codes"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("kind", permission=SUPERUSER_ONLY),
                    FieldPanel("name", permission=SUPERUSER_ONLY),
                    FieldPanel("code", permission=SUPERUSER_ONLY),
                    FieldPanel("intercommunality", permission=SUPERUSER_ONLY),
                    FieldPanel("postal_codes", permission=SUPERUSER_ONLY),
                ],
                heading=_("Identity"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("slug", permission=SUPERUSER_ONLY),
                    FieldPanel("custom_hostname", permission=SUPERUSER_ONLY),
                ],
                heading=_("Portal address"),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("logo"),
                    FieldPanel("address"),
                    FieldPanel("phone"),
                    FieldPanel("email"),
                    FieldPanel("opening_hours"),
                    FieldPanel("website"),
                ],
                heading=_("Contact details"),
            ),
        ],
        base_form_class=CollectivityForm,
    )

    def get_permissions_to_register(self):
        # Access follows the collectivity groups (see permissions.CollectivityPermissionPolicy),
        # not model permissions: do not offer them in the group editor.
        return Permission.objects.none()
